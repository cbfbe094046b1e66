import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  blankCorrection,
  buildCorrection,
  correctionFromStructure,
  correctionMailto,
  CORRECTION_FIELDS,
  type CorrectionField,
  type CorrectionResult,
  type CorrectionValues,
} from '../../domain/catalogue/correction';
import { issueText } from '../issue-text';
import { safeMailto } from '../../domain/safe-url';
import type { Issue } from '../../domain/types';
import type { CorrectionRequest } from '../../store/correction-slice';
import { selectAllStructures } from '../../store/import-slice';
import { useApp, useAppStore, useT } from '../../store/react';
import { CSV_TYPE, downloadText, today } from '../download';
import { trapFocus } from '../trap-focus';
import './correction.css';

type TextField = Exclude<CorrectionField, 'type' | 'stages' | 'departement'> | 'note';

/**
 * "Proposer une correction" / "Signaler une structure manquante": a native modal <dialog>
 * (the page behind is inert, Escape closes it) whose form yields the catalogue row, checked
 * by the catalogue's own rules, to download or, when the region names a contact, to e-mail.
 */
export function CorrectionDialog({ request }: { request: CorrectionRequest }) {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const data = useApp((s) => s.data)!;
  const structures = useApp(selectAllStructures);
  const original = request.structureId ? (structures.find((s) => s.id === request.structureId) ?? null) : null;
  const [values, setValues] = useState<CorrectionValues>(() =>
    original ? correctionFromStructure(original) : blankCorrection({ departement: request.departement, type: request.type }),
  );
  const [result, setResult] = useState<CorrectionResult | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const idBase = useId();
  const close = () => store.getState().closeCorrection();

  // Open as a modal; on close, focus goes back to where the reader was.
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  const errors = useMemo(() => groupByField(result?.issues.filter((i) => i.severity === 'error') ?? []), [result]);
  const warnings = result?.issues.filter((i) => i.severity === 'warning') ?? [];
  const errorCount = result ? result.issues.filter((i) => i.severity === 'error').length : 0;

  const set = (field: keyof CorrectionValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setResult(null);
  };

  const submit = () => {
    const checked = buildCorrection(values, {
      config: data.config,
      communes: data.communes,
      existingIds: store.getState().catalogue.map((s) => s.id),
      original,
      today: today(),
    });
    setResult(checked);
    if (!checked.ok) {
      // Focus the first field with a problem, in the form's order.
      requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  };

  const fieldId = (f: string) => `${idBase}-${f}`;
  const described = (f: string, hint: boolean) =>
    [hint ? `${fieldId(f)}-hint` : '', errors.has(f) ? `${fieldId(f)}-error` : ''].filter(Boolean).join(' ') || undefined;

  const fieldErrors = (f: string): ReactNode =>
    errors.has(f) ? (
      <ul className="correction-error" id={`${fieldId(f)}-error`} data-testid={`correction-error-${f}`}>
        {errors.get(f)!.map((i, n) => (
          <li key={n}>{issueText(t, lang, i)}</li>
        ))}
      </ul>
    ) : null;

  const text = (
    f: TextField,
    opts: { multiline?: boolean; required?: boolean; hint?: string; type?: string; inputMode?: 'url' | 'email' | 'tel' | 'numeric' } = {},
  ) => (
    <div className="correction-field" key={f}>
      <label htmlFor={fieldId(f)}>
        {t(f === 'note' ? 'correction.field.note' : `correction.field.${f}`)}
        {opts.required && <span className="correction-required"> ({t('correction.required')})</span>}
      </label>
      {opts.multiline ? (
        <textarea
          id={fieldId(f)}
          rows={3}
          value={values[f]}
          onChange={(e) => set(f, e.target.value)}
          aria-invalid={errors.has(f) || undefined}
          aria-describedby={described(f, !!opts.hint)}
          data-testid={`correction-field-${f}`}
        />
      ) : (
        <input
          id={fieldId(f)}
          type={opts.type ?? 'text'}
          inputMode={opts.inputMode}
          value={values[f]}
          onChange={(e) => set(f, e.target.value)}
          aria-invalid={errors.has(f) || undefined}
          aria-describedby={described(f, !!opts.hint)}
          data-testid={`correction-field-${f}`}
        />
      )}
      {opts.hint && (
        <small id={`${fieldId(f)}-hint`} className="correction-hint">
          {opts.hint}
        </small>
      )}
      {fieldErrors(f)}
    </div>
  );

  const communeFound = data.communeByCode.get(values.commune.trim().toUpperCase());
  const deptName = (code: string) => data.departements.features.find((d) => d.properties.code === code)?.properties.nom ?? code;
  const contact = data.config.contact?.email ? safeMailto(data.config.contact.email) : null;
  // Fields that are not in the form (id, position, status, dates) are shown at the top.
  const formFields = new Set<string>(CORRECTION_FIELDS);
  const otherErrors = [...errors].filter(([f]) => !formFields.has(f)).flatMap(([, list]) => list);

  return (
    <dialog
      ref={ref}
      className="correction-dialog"
      aria-labelledby={titleId}
      data-testid="correction-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={(e) => trapFocus(e, ref.current)}
    >
      <div className="correction-head">
        <h2 id={titleId}>{t(original ? 'correction.titleEdit' : 'correction.titleNew')}</h2>
        <button type="button" className="correction-close" aria-label={t('correction.close')} onClick={close} data-testid="correction-close">
          ×
        </button>
      </div>
      <p className="correction-intro">{t('correction.intro')}</p>
      {original && <p className="correction-of">{t('correction.of', { name: original.name, id: original.id })}</p>}
      <form
        className="correction-form"
        noValidate
        data-testid="correction-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {result && !result.ok && (
          <div className="correction-summary" role="alert" data-testid="correction-summary">
            <p>{t('correction.errors', { n: errorCount })}</p>
            {otherErrors.length > 0 && (
              <>
                <p>{t('correction.otherErrors')}</p>
                <ul>
                  {otherErrors.map((i, n) => (
                    <li key={n}>
                      [{i.field}] {issueText(t, lang, i)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {text('name', { required: true })}
        <div className="correction-field">
          <label htmlFor={fieldId('type')}>
            {t('correction.field.type')}
            <span className="correction-required"> ({t('correction.required')})</span>
          </label>
          <select
            id={fieldId('type')}
            value={values.type}
            onChange={(e) => set('type', e.target.value)}
            aria-invalid={errors.has('type') || undefined}
            aria-describedby={described('type', false)}
            data-testid="correction-field-type"
          >
            {!data.config.offerTypes.some((o) => o.id === values.type) && <option value={values.type}>{values.type || t('correction.field.typeNone')}</option>}
            {data.config.offerTypes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label[lang]}
              </option>
            ))}
          </select>
          {fieldErrors('type')}
        </div>
        <fieldset className="correction-field correction-stages" aria-describedby={described('stages', false)}>
          <legend>{t('correction.field.stages')}</legend>
          {data.config.stages.map((st) => {
            const current = values.stages.split('|').filter(Boolean);
            const on = current.includes(st.id);
            return (
              <label key={st.id} className="inline-check">
                <input
                  type="checkbox"
                  checked={on}
                  // Unticking keeps the order of the others; a new stage goes last.
                  onChange={() => set('stages', (on ? current.filter((x) => x !== st.id) : [...current, st.id]).join('|'))}
                  data-testid={`correction-stage-${st.id}`}
                />
                {st.label[lang]}
              </label>
            );
          })}
          {fieldErrors('stages')}
        </fieldset>
        {text('address')}
        <div className="correction-row">
          {text('postcode', { inputMode: 'numeric' })}
          {text('commune', {
            hint: communeFound ? t('correction.hint.communeFound', { name: communeFound.name, dept: communeFound.dept }) : t('correction.hint.commune'),
          })}
        </div>
        <div className="correction-field">
          <label htmlFor={fieldId('departement')}>{t('correction.field.departement')}</label>
          <select
            id={fieldId('departement')}
            value={values.departement}
            onChange={(e) => set('departement', e.target.value)}
            aria-invalid={errors.has('departement') || undefined}
            aria-describedby={described('departement', true)}
            data-testid="correction-field-departement"
          >
            <option value="">{t('correction.field.departementNone')}</option>
            {!data.config.departements.includes(values.departement) && values.departement !== '' && (
              <option value={values.departement}>{values.departement}</option>
            )}
            {data.config.departements.map((d) => (
              <option key={d} value={d}>
                {d} — {deptName(d)}
              </option>
            ))}
          </select>
          <small id={`${fieldId('departement')}-hint`} className="correction-hint">
            {t('correction.hint.departement')}
          </small>
          {fieldErrors('departement')}
        </div>
        {text('website', { type: 'url', inputMode: 'url' })}
        <div className="correction-row">
          {text('email', { type: 'email', inputMode: 'email' })}
          {text('phone', { type: 'tel', inputMode: 'tel' })}
        </div>
        {text('hours')}
        {text('description', { multiline: true })}
        {text('source', { multiline: true, required: true, hint: t('correction.hint.source') })}
        {text('quote', { multiline: true, required: true, hint: t('correction.hint.quote') })}
        {text('source_date', { hint: t('correction.hint.source_date') })}
        {text('note', { multiline: true, hint: t('correction.hint.note') })}
        <div className="correction-actions">
          <button type="submit" className="primary" data-testid="correction-submit">
            {t('correction.submit')}
          </button>
        </div>
      </form>
      {result?.ok && <CorrectionOutcome result={result} note={values.note} isNew={!original} contact={contact} warnings={warnings} />}
    </dialog>
  );
}

function CorrectionOutcome({
  result,
  note,
  isNew,
  contact,
  warnings,
}: {
  result: CorrectionResult;
  note: string;
  isNew: boolean;
  contact: string | null;
  warnings: Issue[];
}) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const s = result.structure!;
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), [result]);
  const mail = useMemo(() => {
    if (!contact) return null;
    const subject = t(isNew ? 'correction.mailSubjectNew' : 'correction.mailSubjectEdit', { name: s.name, id: s.id });
    const body = [note.trim() ? `${t('correction.mailNote')}\n${note.trim()}\n` : '', t('correction.mailRow'), result.csv].filter(Boolean).join('\n');
    return correctionMailto(contact.slice('mailto:'.length), subject, body, t('correction.mailTruncated'));
  }, [contact, isNew, note, result, s, t]);

  return (
    <section className="correction-outcome" data-testid="correction-outcome" aria-live="polite">
      <p ref={heading} tabIndex={-1} className="correction-ok">
        {t('correction.ok')}
      </p>
      {warnings.length > 0 && (
        <>
          <p>{t('correction.warnings')}</p>
          <ul className="correction-warnings">
            {warnings.map((i, n) => (
              <li key={n}>
                [{i.field}] {issueText(t, lang, i)}
              </li>
            ))}
          </ul>
        </>
      )}
      <label className="correction-field">
        <span>{t('correction.preview')}</span>
        <textarea readOnly rows={4} value={result.csv} data-testid="correction-csv" onFocus={(e) => e.target.select()} />
      </label>
      <div className="correction-actions">
        <button
          type="button"
          className="primary"
          data-testid="correction-download"
          onClick={() => downloadText(result.csv, `correction-${s.id}-${today()}.csv`, CSV_TYPE)}
        >
          {t('correction.download')}
        </button>
        {mail ? (
          <a className="correction-mailto" href={mail.href} data-testid="correction-mailto">
            {t('correction.mailto', { email: contact!.slice('mailto:'.length) })}
          </a>
        ) : (
          <p className="correction-hint">{t('correction.noMail')}</p>
        )}
      </div>
      {mail?.truncated && <p className="correction-hint">{t('correction.mailWasTruncated')}</p>}
    </section>
  );
}

function groupByField(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    const f = i.field ?? '';
    out.set(f, [...(out.get(f) ?? []), i]);
  }
  return out;
}
