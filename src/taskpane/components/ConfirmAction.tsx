import {
  Button,
  type ButtonProps,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';

interface Props {
  /** The button that asks first; without it the question is asked through `open`. */
  label?: string;
  /** The question, as the dialog's title. */
  title: string;
  /** What the action does and what it costs, said before anything happens. */
  children: ReactNode;
  /** The button in the dialog that acts. */
  confirmLabel: string;
  /** The button in the dialog that leaves everything as it is. */
  cancelLabel?: string;
  onConfirm: () => void | Promise<void>;
  /** While an action runs: the asking button cannot start another. */
  disabled?: boolean;
  /** How the asking button looks (a small subtle one in a list, with its own label). */
  buttonProps?: Pick<ButtonProps, 'size' | 'appearance' | 'aria-label'>;
  /** Called as the question opens, e.g. to reset a choice the dialog holds. */
  onAsk?: () => void;
  /** Asked from elsewhere (Consolidate finds edited sheets): open while true. */
  open?: boolean;
  onCancel?: () => void;
}

/**
 * An action the pane does only after asking: a button, then a dialog that says what happens,
 * with one button to act and one to leave things as they are. Closing the dialog any way
 * other than the act button cancels.
 */
export function ConfirmAction(props: Props) {
  const { label, title, children, confirmLabel, cancelLabel = 'Cancel', onConfirm } = props;
  const [asking, setAsking] = useState(false);
  const open = props.open ?? asking;
  const cancel = () => {
    setAsking(false);
    props.onCancel?.();
  };
  const act = () => {
    setAsking(false);
    void onConfirm();
  };
  return (
    <>
      {label !== undefined && (
        <Button
          appearance="secondary"
          {...props.buttonProps}
          disabled={props.disabled}
          onClick={() => {
            props.onAsk?.();
            setAsking(true);
          }}
        >
          {label}
        </Button>
      )}
      <Dialog open={open} onOpenChange={(_, data) => !data.open && cancel()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>{children}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={cancel}>
                {cancelLabel}
              </Button>
              <Button appearance="primary" onClick={act}>
                {confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
