import { Fragment } from "react";

import { TableScroll } from "../../../components/TableScroll";
import { Time } from "../../../components/Time";
import { getFragmentData, type FragmentType } from "../../../gql";
import { humanize } from "../../../lib/labels";
import { AuditEventItemFragment } from "../operations";

function detailsText(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${humanize(key.replace(/([a-z])([A-Z])/g, "$1_$2"))}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

/** A page of audit events as a table: what, when, who, from where, and the details. */
export function AuditTable({ events, caption }: { events: readonly FragmentType<typeof AuditEventItemFragment>[]; caption: string }) {
  if (events.length === 0) return <p>Nothing recorded yet.</p>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((ref, index) => {
            const event = getFragmentData(AuditEventItemFragment, ref);
            const details = detailsText(event.details);
            return (
              <Fragment key={event.id ?? index}>
                <tr>
                  <td>
                    {humanize(event.kind)}
                    {event.support && <span className="badge">Support</span>}
                    {details && (
                      <>
                        <br />
                        <span className="muted small">{details}</span>
                      </>
                    )}
                  </td>
                  <td><Time value={event.at} /></td>
                  <td>
                    {event.actor?.email ?? (event.actorApiKeyPrefix ? `API key ${event.actorApiKeyPrefix}…` : "—")}
                    {event.subject && event.subject.id !== event.actor?.id && (
                      <>
                        <br />
                        <span className="muted small">about {event.subject.email}</span>
                      </>
                    )}
                  </td>
                  <td>{event.ipAddress ?? "—"}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
