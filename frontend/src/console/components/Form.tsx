import type { FormEvent, ReactNode } from "react";

/** A form whose submit never navigates; the message that belongs to no field shows on top. */
export function Form({
  onSubmit,
  error,
  children,
  label,
  className,
}: {
  onSubmit: () => void | Promise<unknown>;
  error?: string | null;
  children: ReactNode;
  /** The form's accessible name, when a heading does not give it one. */
  label?: string;
  className?: string;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label} className={className ?? "form"}>
      <FormError message={error} />
      {children}
    </form>
  );
}

export function FormError({ message }: { message?: string | null }) {
  // Always rendered, so that screen readers announce a message when it appears.
  return (
    <div role="alert" className={message ? "form-error" : "form-error-empty"}>
      {message}
    </div>
  );
}
