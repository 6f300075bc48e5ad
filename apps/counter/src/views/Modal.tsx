import type { ReactNode } from 'react';
import { useT } from '../hooks';

export function Modal(props: {
  title: string;
  children: ReactNode;
  onConfirm?: () => void;
  confirmDisabled?: boolean;
  onCancel: () => void;
  testId: string;
}) {
  const t = useT();
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-label={props.title} data-testid={props.testId}>
        <h2>{props.title}</h2>
        {props.children}
        <div className="modal-actions">
          <button className="btn" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          {props.onConfirm && (
            <button
              className="btn btn-primary"
              disabled={props.confirmDisabled}
              data-testid="dialog-confirm"
              onClick={props.onConfirm}
            >
              {t('confirm')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
