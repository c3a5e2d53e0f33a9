import { useParams } from "react-router";
import { useQuery } from "urql";

import { ErrorNotice } from "../../../components/Notice";
import { TableScroll } from "../../../components/TableScroll";
import { Page } from "../../../components/layouts/Page";
import { errorMessage } from "../../../lib/errors";
import { OrganizationGate } from "../../organizations/components/OrganizationGate";
import { QuotasQuery } from "../operations";

export function QuotasPage() {
  const { orgId = "" } = useParams();
  const [result] = useQuery({ query: QuotasQuery, variables: { id: orgId }, requestPolicy: "cache-and-network" });
  return (
    <OrganizationGate title="Quotas" result={result}>
      {(organization) => (
        <Page title={`Quotas of ${organization.name}`} intro="How much of each product the organization may use, and uses now. Staff raise limits on request.">
          {!organization.quotas ? (
            <ErrorNotice message={errorMessage(result.error) ?? "The quotas could not be loaded."} />
          ) : organization.quotas.length === 0 ? (
            <p>No quota is set.</p>
          ) : (
            <TableScroll label="Quotas">
              <table>
                <caption className="visually-hidden">Quotas</caption>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Resource</th>
                    <th scope="col">Used</th>
                    <th scope="col">Limit</th>
                  </tr>
                </thead>
                <tbody>
                  {organization.quotas.map((q) => (
                    <tr key={`${q.product}/${q.resource}`}>
                      <td>{q.product}</td>
                      <td>{q.resource}</td>
                      <td>
                        <meter min={0} max={q.limit} value={q.used} aria-label={`${q.product} ${q.resource}: ${q.used} of ${q.limit}`} /> {q.used}
                      </td>
                      <td>{q.limit}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </Page>
      )}
    </OrganizationGate>
  );
}
