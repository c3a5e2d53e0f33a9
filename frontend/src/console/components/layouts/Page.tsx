import { useEffect, useId, useRef, type ReactNode } from "react";

/** One screen: its heading takes focus when it appears (after every route change), so a
 * screen-reader or keyboard user starts at the top of the new content, and the tab says
 * where the reader is. */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    document.title = `${title} · AccountQL`;
    heading.current?.focus();
  }, [title]);
  return (
    <section className="page" aria-labelledby={id}>
      <h1 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro && <p className="intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A part of a screen, under its own heading. */
export function Section({
  title,
  children,
  description,
  tone,
}: {
  title: string;
  children: ReactNode;
  description?: ReactNode;
  /** "danger": what cannot be undone (deleting an account or an organization). */
  tone?: "danger";
}) {
  const id = useId();
  return (
    <section className={tone === "danger" ? "card danger-zone" : "card"} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {description && <p className="muted">{description}</p>}
      {children}
    </section>
  );
}
