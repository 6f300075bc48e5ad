import { WEEKDAYS } from '@yizhan/shared';
import { UNREACHABLE } from '../actions';
import { errorText, t } from '../i18n';
import { useKiosk } from '../store';

const WITH_HOURS = new Set(['hall-closed', 'day-not-open', 'past-cutoff']);

/** Why no ticket was given, what to do, and the opening hours when they are the reason. */
export function RefusedScreen({ error }: { error: string }) {
  const lang = useKiosk((s) => s.lang);
  const catalog = useKiosk((s) => s.catalog);
  const { reset } = useKiosk.getState();
  const unreachable = error === UNREACHABLE;
  const names = t(lang, 'weekdays').split(',');
  return (
    <section className="refused" role="alert" aria-labelledby="refused-title" data-error={error}>
      <h1 id="refused-title">{unreachable ? t(lang, 'offlineTitle') : t(lang, 'refusedTitle')}</h1>
      <p className="reason">{unreachable ? t(lang, 'offlineBody') : errorText(lang, error)}</p>
      {catalog && WITH_HOURS.has(error) && (
        <div className="hours">
          <h2>{t(lang, 'openingHours')}</h2>
          <table>
            <tbody>
              {WEEKDAYS.map((day, i) => {
                const periods = catalog.openingHours[day];
                return (
                  <tr key={day}>
                    <th scope="row">{names[i]}</th>
                    <td>
                      {periods.length
                        ? periods.map((p) => `${p.from}–${p.to}`).join(' / ')
                        : t(lang, 'closedDay')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">{t(lang, 'cutoffNote', { n: catalog.ticketing.cutoffMinutes })}</p>
        </div>
      )}
      <button type="button" className="btn primary" onClick={reset}>
        {t(lang, 'home')}
      </button>
    </section>
  );
}
