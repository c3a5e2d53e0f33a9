import { useState, type ReactNode } from "react";

import { Button } from "./Button";
import { Dialog } from "./Dialog";

/** A destructive action, asked again in a dialog before it runs. */
export function ConfirmButton({
  label,
  title,
  question,
  confirmLabel,
  onConfirm,
  loading,
  variant = "danger",
}: {
  label: ReactNode;
  title: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  loading?: boolean;
  variant?: "danger" | "secondary";
}) {
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    setOpen(false);
    await onConfirm();
  };
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} loading={loading}>
        {label}
      </Button>
      <Dialog open={open} title={title} onClose={() => setOpen(false)}>
        <p>{question}</p>
        <div className="actions">
          <Button variant="danger" onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </>
  );
}
