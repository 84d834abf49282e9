/**
 * The participant page's sections that come in chunks of their own. The summary needs none of
 * the heavy code: the timeline (TanStack Table, Virtual), the chart (recharts), the diagnosis
 * and the panels arrive while the data is on its way or once the answer shows.
 */
import { type ComponentProps, lazy, useEffect, useState } from 'react';

type TimelineModule = typeof import('../features/timeline/timeline-card');
/** The timeline's code once it is in: the table then renders without suspending. */
let timelineModule: TimelineModule | undefined;
const loadTimeline = () =>
  import('../features/timeline/timeline-card').then((module) => {
    timelineModule = module;
    return module;
  });
const loadDiagnosis = () => import('../features/diagnostics/diagnosis');
const loadVerdict = () => import('../features/diagnostics/verdict');

const LazyTimelineCard = lazy(loadTimeline);
/**
 * The timeline's card: rendered at once when its code is in (a long history's table then shows
 * in the page's first commit), else suspended like any lazy section until it is.
 */
export function TimelineCard(props: ComponentProps<TimelineModule['default']>) {
  // Chosen once per card: switching between the two would remount the table (its scroll,
  // filters and opened rows).
  const [Loaded] = useState(() => timelineModule?.default);
  return Loaded ? <Loaded {...props} /> : <LazyTimelineCard {...props} />;
}
export const MinutesByPeerChart = lazy(() => import('../features/charts/minutes-by-peer-chart'));
// The session around the participant loads on its own.
export const SessionCard = lazy(() =>
  import('../features/session/session-card').then((m) => ({ default: m.SessionCard })),
);
// Peer reports are fetched on demand, so their section's code waits for the page too.
export const PeerReports = lazy(() =>
  import('../features/diagnostics/peer-reports').then((m) => ({ default: m.PeerReports })),
);
// The quality reader and rules, the reported moment and the panels are not needed to show
// who the participant is: they follow in chunks requested at once.
export const Diagnosis = lazy(loadDiagnosis);
export const ReportedMoment = lazy(() =>
  import('../features/moment/reported-moment').then((m) => ({ default: m.ReportedMoment })),
);
export const DiagnosticsPanels = lazy(() =>
  import('../features/diagnostics/diagnostics-panels').then((m) => ({
    default: m.DiagnosticsPanels,
  })),
);
export const ParticipantError = lazy(() =>
  import('../features/participant/participant-error').then((m) => ({
    default: m.ParticipantError,
  })),
);
// The verdict compares with the rest of the session once the participant's own findings are in.
export const Verdict = lazy(() => loadVerdict().then((m) => ({ default: m.VerdictSection })));
export const SessionComparison = lazy(() =>
  import('../features/diagnostics/session-comparison').then((m) => ({
    default: m.SessionComparison,
  })),
);
// The exports sit below the findings: their buttons come with a chunk of their own.
export const ExportActions = lazy(() =>
  import('../features/export/export-actions').then((m) => ({ default: m.ExportActions })),
);
export const QualityPanel = lazy(() =>
  import('../features/diagnostics/quality-panel').then((m) => ({ default: m.QualityPanel })),
);

/**
 * Starts fetching the timeline's, the diagnosis's and the verdict's chunks, in parallel with the
 * participant (or, on a painted deep link, with the app taking the page over).
 */
export function preloadParticipantChunks() {
  void preloadTimeline();
  void loadDiagnosis();
  void loadVerdict();
}

/** Whether the timeline's code is in: its card then renders without suspending. */
export const timelineReady = () => timelineModule !== undefined;

/**
 * Starts fetching the timeline's chunk alone (a long history's table is what it waits for);
 * settles once it is in or has failed.
 */
export const preloadTimeline = (): Promise<unknown> => loadTimeline().catch(() => undefined);

/**
 * True once the timeline's code has arrived. The chart waits for an idle moment after that:
 * the browser is idle while that chunk downloads too, and the chart must not take the table's
 * turn.
 */
export function useTimelineLoaded(): boolean {
  const [loaded, setLoaded] = useState(timelineReady);
  useEffect(() => {
    let current = true;
    // A chunk that fails to load leaves it false; its section explains the failure.
    loadTimeline().then(
      () => current && setLoaded(true),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return loaded;
}
