import type { StepKey } from '../../electron/shared/dto';
import { formatNumber } from '../app/format';
import { useLocale } from '../i18n/locale-context';
import type { Review } from './review';

interface Props {
  review: Review;
  /** Step label by key, for "位于“…”". */
  stepLabel: (key: StepKey) => string;
  /** Opens a step and focuses an element on it (a blank, a signer input, a clause's box). */
  onJump: (step: StepKey, focus: string) => void;
  onSign: () => void;
}

/**
 * "检查与确认": every blank still empty or invalid and every clause not yet confirmed, each with a link to it.
 * There is deliberately no "confirm all": the signer confirms each clause where it is written.
 */
export function ReviewStep({ review, stepLabel, onJump, onSign }: Props) {
  const { t, locale } = useLocale();
  const { missing, unconfirmed } = review;
  return (
    <div className="review-step" data-testid="review" data-ready={review.ready ? 'true' : 'false'}>
      <h2 className="section-heading" tabIndex={-1}>
        {t.review.heading}
      </h2>
      {review.ready ? (
        <div className="review-ready" role="status">
          <p className="review-ready-title">
            <span aria-hidden="true">✓ </span>
            {t.review.ready}
          </p>
          <p>{t.review.readyHint}</p>
          <button type="button" className="btn btn-primary btn-large" onClick={onSign} data-action="to-sign">
            {t.review.toSign}
          </button>
        </div>
      ) : (
        <>
          <p className="review-intro">{t.review.intro}</p>
          {missing.length > 0 && (
            <section className="review-group" aria-labelledby="review-missing" data-testid="review-missing">
              <h3 id="review-missing">{t.review.missingHeading(formatNumber(missing.length, locale))}</h3>
              <ul>
                {missing.map((item) => (
                  <li key={item.fieldId} data-field-id={item.fieldId}>
                    <span className="review-label">{item.label}</span>
                    <span className="review-message">{item.message}</span>
                    <span className="review-step-name">{t.review.onStep(stepLabel(item.step))}</span>
                    <button
                      type="button"
                      className="btn btn-small btn-link"
                      onClick={() => onJump(item.step, `[data-field-id="${item.fieldId}"]`)}
                    >
                      {t.review.goToField}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {unconfirmed.length > 0 && (
            <section className="review-group" aria-labelledby="review-unconfirmed" data-testid="review-unconfirmed">
              <h3 id="review-unconfirmed">{t.review.unconfirmedHeading(formatNumber(unconfirmed.length, locale))}</h3>
              <ul>
                {unconfirmed.map((item) => (
                  <li key={item.key} data-clause-key={item.key}>
                    <span className="review-label">{t.review.clauseLabel(item.number)}</span>
                    <span className="review-excerpt">{item.excerpt}</span>
                    <span className="review-step-name">{t.review.onStep(stepLabel(item.step))}</span>
                    <button type="button" className="btn btn-small btn-link" onClick={() => onJump(item.step, `[data-ack-key="${item.key}"]`)}>
                      {t.review.goToClause}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <p className="hint">{t.review.notReady}</p>
        </>
      )}
    </div>
  );
}
