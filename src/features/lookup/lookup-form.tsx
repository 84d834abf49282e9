import { type ClipboardEvent, type FormEvent, Suspense, useId, useRef, useState } from 'react';
import { FILTERS, type Filter } from '../../api/participant-schema';
import { checkId } from '../../api/request-params';
import { type LookupParams, navigate, toDeepLink, useRoute } from '../../lib/route';
import { ParticipantPicker } from '../session';
import { LookupLine } from './lookup-line';
import { idsFromPastedText } from './pasted-link';
import { rememberedRequest, rememberRequest } from './remembered-request';

export type LookupFormProps = {
  /** What the fields start with: the open deep link, a malformed link's draft, or nothing. */
  initial?: Partial<LookupParams>;
  /**
   * A participant is open: the form is one line naming the lookup, with Change to edit it, so
   * the participant comes first on the screen.
   */
  collapsed?: boolean;
  /** Collapsed, but Change was already pressed: open at once. */
  startExpanded?: boolean;
};

const FILTER_LABELS: Record<Filter, string> = {
  device_info: 'Device info',
  ip_information: 'IP information',
  precall_network_information: 'Pre-call network test',
  events: 'SDK events',
  quality_stats: 'Quality stats',
};

type Errors = { sessionId?: string; participantId?: string };

const field = (form: HTMLFormElement, name: string) => {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement ? element : null;
};

/**
 * The lookup: writes the deep link, which the page then reads. Fields are uncontrolled and
 * re-seeded from the URL (the form is keyed by it), so the URL stays the one owner of the ids.
 */
export function LookupForm({
  initial = {},
  collapsed = false,
  startExpanded = false,
}: LookupFormProps) {
  const [expanded, setExpanded] = useState(!collapsed || startExpanded);
  const [errors, setErrors] = useState<Errors>({});
  // A link's own request, else what this browser asked for last, else every diagnostic.
  const [choice] = useState(() =>
    initial.sessionId === undefined
      ? rememberedRequest()
      : { filters: initial.filters ?? [], includePeerEvents: initial.includePeerEvents ?? true },
  );
  const ids = { session: useId(), participant: useId(), form: useId() };
  const formRef = useRef<HTMLFormElement>(null);
  const { route, view } = useRoute();
  // A session list link (`?session=…`) pre-fills the field and opens the picker on it.
  const linked =
    initial.sessionId === undefined && route.kind === 'home' ? route.session : undefined;
  // The field as typed, for the picker only: the URL still owns the looked-up ids.
  const [sessionDraft, setSessionDraft] = useState(linked ?? '');

  const open = (form: HTMLFormElement, sessionId: string, participantId: string) => {
    const data = new FormData(form);
    const chosen = new Set(data.getAll('filters').map(String));
    const request = {
      filters: FILTERS.filter((f) => chosen.has(f)),
      includePeerEvents: data.get('includePeerEvents') === 'on',
    };
    rememberRequest(request);
    navigate(toDeepLink({ sessionId, participantId, ...request }, view));
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const found = idsFromPastedText(event.clipboardData.getData('text'));
    const form = event.currentTarget.form;
    if (!found || !form) return;
    event.preventDefault();
    const session = field(form, 'sessionId');
    const participant = field(form, 'participantId');
    if (session) session.value = found.sessionId;
    if (participant) participant.value = found.participantId;
    // A colleague's link keeps the diagnostics it asked for.
    if (found.filters) {
      for (const filter of FILTERS) {
        const box = form.querySelector<HTMLInputElement>(
          `input[name="filters"][value="${filter}"]`,
        );
        if (box) box.checked = found.filters.includes(filter);
      }
    }
    const events = field(form, 'includePeerEvents');
    if (events && found.includePeerEvents !== undefined) events.checked = found.includePeerEvents;
    // The value was set directly (no change event): the picker must follow the pasted session.
    setSessionDraft(found.sessionId);
    setErrors({});
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const sessionId = String(data.get('sessionId') ?? '').trim();
    const participantId = String(data.get('participantId') ?? '').trim();
    const session = checkId('Session ID', sessionId);
    const participant = checkId('Participant ID', participantId);
    const next: Errors = {
      sessionId: session.ok ? undefined : session.message,
      participantId: participant.ok ? undefined : participant.message,
    };
    setErrors(next);
    if (!session.ok || !participant.ok) {
      field(form, session.ok ? 'participantId' : 'sessionId')?.focus();
      return;
    }
    open(form, sessionId, participantId);
  };

  const summary =
    collapsed && initial.sessionId && initial.participantId ? (
      <LookupLine
        sessionId={initial.sessionId}
        participantId={initial.participantId}
        expanded={expanded}
        formId={ids.form}
        onToggle={() => setExpanded((open) => !open)}
      />
    ) : null;
  return (
    <>
      {summary}
      <form
        ref={formRef}
        id={ids.form}
        hidden={summary !== null && !expanded}
        noValidate
        onSubmit={onSubmit}
        aria-label="Look up a participant"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <div className="grid gap-4 md:grid-cols-2">
          <IdField
            id={ids.session}
            name="sessionId"
            label="Session ID"
            defaultValue={initial.sessionId ?? linked}
            error={errors.sessionId}
            onPaste={onPaste}
            onValue={setSessionDraft}
          />
          <IdField
            id={ids.participant}
            name="participantId"
            label="Participant ID"
            defaultValue={initial.participantId}
            error={errors.participantId}
            onPaste={onPaste}
          />
        </div>
        {sessionDraft.trim() !== '' ? (
          <Suspense fallback={null}>
            <ParticipantPicker
              sessionDraft={sessionDraft}
              onChoose={(choice) => {
                if (formRef.current) open(formRef.current, choice.sessionId, choice.participantId);
              }}
            />
          </Suspense>
        ) : null}
        <fieldset className="mt-4">
          <legend className="text-sm font-medium">Also fetch (filters)</legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {FILTERS.map((filter) => (
              <label key={filter} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="filters"
                  value={filter}
                  defaultChecked={choice.filters.includes(filter)}
                  className="size-4 accent-brand-600"
                />
                {FILTER_LABELS[filter]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <label className="inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="includePeerEvents"
              defaultChecked={choice.includePeerEvents}
              className="size-4 accent-brand-600"
            />
            Include peer events
          </label>
          <button
            type="submit"
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
          >
            Look up
          </button>
        </div>
      </form>
    </>
  );
}

type IdFieldProps = {
  id: string;
  name: string;
  label: string;
  defaultValue: string | undefined;
  error: string | undefined;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
  /** Told every change of the field's text. */
  onValue?: (value: string) => void;
};

function IdField({ id, name, label, defaultValue, error, onPaste, onValue }: IdFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        onPaste={onPaste}
        onChange={onValue ? (event) => onValue(event.target.value) : undefined}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        placeholder="e.g. 1f0c2b7e-… or paste a link"
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-950"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Letters, digits, “_” and “-”. Pasting a deep link or an API URL fills both ids.
        </p>
      )}
    </div>
  );
}
