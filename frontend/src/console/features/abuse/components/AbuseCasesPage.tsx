import { useState } from "react";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { TextArea } from "../../../components/Field";
import { Form } from "../../../components/Form";
import { ErrorNotice } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { Time } from "../../../components/Time";
import { Page } from "../../../components/layouts/Page";
import { errorMessage, formErrors } from "../../../lib/errors";
import { abuseReasonLabels } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { usePaging } from "../../../lib/paging";
import { OrganizationGate } from "../../organizations/components/OrganizationGate";
import { AbuseCasesQuery, AnswerAbuseCaseMutation } from "../operations";

export function AbuseCasesPage() {
  const { orgId = "" } = useParams();
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: AbuseCasesQuery, variables: { id: orgId, ...paging.variables } });
  return (
    <OrganizationGate title="Abuse cases" result={result}>
      {(organization) => (
        <Page title={`Abuse cases of ${organization.name}`} intro="Reports against this organization's resources. Say what you did about each; staff close them.">
          {!organization.abuseCases ? (
            <ErrorNotice message={errorMessage(result.error) ?? "The cases could not be loaded."} />
          ) : organization.abuseCases.edges.length === 0 ? (
            <p>No case: nothing of yours was reported.</p>
          ) : (
            <>
              {organization.abuseCases.edges.map(({ node }) => (
                <article key={node.id} className="card" aria-labelledby={`case-${node.id}`}>
                  <h2 id={`case-${node.id}`}>
                    {abuseReasonLabels[node.reason]}: {node.resourceKind} {node.resourceId}
                  </h2>
                  <p className="muted">
                    Opened <Time value={node.createdAt} /> · {node.reports.totalCount} report(s)
                    {node.resolvedAt && (
                      <>
                        {" "}
                        · closed <Time value={node.resolvedAt} />: {node.resolution}
                      </>
                    )}
                  </p>
                  <ul>
                    {node.reports.edges.map((r, index) => (
                      <li key={index}>
                        <Time value={r.node.createdAt} />: {r.node.details}
                      </li>
                    ))}
                  </ul>
                  {node.answer ? (
                    <p>
                      Your answer (<Time value={node.answeredAt} />): {node.answer}
                    </p>
                  ) : (
                    !node.resolvedAt && <Answer id={node.id} onDone={() => refetch({ requestPolicy: "network-only" })} />
                  )}
                </article>
              ))}
              <Pager label="Pages of abuse cases" pageInfo={organization.abuseCases.pageInfo} totalCount={organization.abuseCases.totalCount} paging={paging} fetching={result.fetching} />
            </>
          )}
        </Page>
      )}
    </OrganizationGate>
  );
}

function Answer({ id, onDone }: { id: string; onDone: () => void }) {
  const [answer, setAnswer] = useState("");
  const [state, send] = useApiMutation(AnswerAbuseCaseMutation);
  const errors = formErrors(state.error, ["answer"]);
  return (
    <Form onSubmit={() => send({ input: { id, answer } }).then((r) => r.data && onDone())} error={errors.form} label="Answer the case">
      <TextArea label="What you did about it" name="answer" rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} error={errors.fields.answer} required />
      <Button type="submit" loading={state.fetching}>
        Send the answer
      </Button>
    </Form>
  );
}
