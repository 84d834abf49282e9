/**
 * The call's measured series, as the reported moment sums them up: the quality_stats series,
 * and each loaded peer report's, named by which way they went ("Audio jitter (sent)").
 */
import type { Participant } from '../../../api/participant-schema';
import type { LoadedReports } from './diagnose';
import { REPORT_MEDIA, reportSeries } from './peer-report';
import { readQuality } from './quality';

/** Ascending times, NaN for gaps; series with one label are summed up together. */
export type MeasuredSeries = {
  readonly label: string;
  readonly unit: string;
  readonly times: ArrayLike<number>;
  readonly values: ArrayLike<number>;
};

const MEDIA_NAME = {
  audio: 'Audio',
  video: 'Video',
  screenshare_audio: 'Screen-share audio',
  screenshare_video: 'Screen-share video',
} as const;

export function measuredSeries(participant: Participant, reports: LoadedReports): MeasuredSeries[] {
  const quality = readQuality(participant);
  const found: MeasuredSeries[] =
    quality.kind === 'peers' ? quality.peers.flatMap((p) => p.series) : [];
  for (const report of reports.values()) {
    for (const media of REPORT_MEDIA) {
      for (const side of ['producer', 'consumer'] as const) {
        for (const s of reportSeries(report, `${media}_${side}`)) {
          const way = side === 'producer' ? 'sent' : 'received';
          const name = MEDIA_NAME[media];
          const measure = (what: string, unit: string, values: readonly number[]) => {
            if (values.some((v) => !Number.isNaN(v))) {
              found.push({ label: `${name} ${what} (${way})`, unit, times: s.times, values });
            }
          };
          measure('round trip', 'ms', s.rttMs);
          measure('jitter', 'ms', s.jitterMs);
          measure('MOS', '', s.mos);
          measure('loss', '%', s.lossPct);
        }
      }
    }
  }
  return found;
}
