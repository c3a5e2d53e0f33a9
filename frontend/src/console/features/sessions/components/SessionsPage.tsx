import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { FormError } from "../../../components/Form";
import { ErrorNotice, Loading } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { TableScroll } from "../../../components/TableScroll";
import { Time } from "../../../components/Time";
import { Page, Section } from "../../../components/layouts/Page";
import { getFragmentData, type FragmentType } from "../../../gql";
import { errorMessage, formErrors } from "../../../lib/errors";
import { loginMethodLabels, secondFactorLabels } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { usePaging } from "../../../lib/paging";
import { LoginAttemptsQuery, RevokeSessionMutation, SessionItemFragment, SessionsQuery } from "../operations";

export function SessionsPage() {
  return (
    <Page title="Sessions and logins">
      <Sessions />
      <LoginHistory />
    </Page>
  );
}

function Sessions() {
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: SessionsQuery, variables: paging.variables, requestPolicy: "cache-and-network" });
  const sessions = result.data?.me.sessions;
  return (
    <Section title="Active sessions" description="Each browser or device signed in to your account; a session lasts one hour. Revoke one you do not recognise.">
      {!sessions ? (
        result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />
      ) : (
        <>
          <ul className="item-list" aria-label="Active sessions">
            {sessions.edges.map(({ node }) => (
              <SessionRow key={node.id} session={node} onRevoked={() => refetch({ requestPolicy: "network-only" })} />
            ))}
          </ul>
          <Pager label="Pages of sessions" pageInfo={sessions.pageInfo} totalCount={sessions.totalCount} paging={paging} fetching={result.fetching} />
        </>
      )}
    </Section>
  );
}

function SessionRow({ session: ref, onRevoked }: { session: FragmentType<typeof SessionItemFragment>; onRevoked: () => void }) {
  const session = getFragmentData(SessionItemFragment, ref);
  const [state, revoke] = useApiMutation(RevokeSessionMutation);
  const where = `${session.userAgent ?? "Unknown browser"} from ${session.ipAddress ?? "an unknown address"}`;
  return (
    <li className={session.current ? "highlight" : undefined}>
      <span>
        {session.current && <strong className="badge">This session</strong>}
        {session.support && <strong className="badge">Support staff</strong>} {where}
        <br />
        <span className="muted">
          Signed in <Time value={session.createdAt} /> · last seen <Time value={session.lastSeenAt} /> · ends <Time value={session.expiresAt} />
        </span>
      </span>
      {!session.current && (
        <span>
          <Button variant="danger" loading={state.fetching} onClick={() => void revoke({ input: { id: session.id } }).then((r) => r.data?.revokeSession && onRevoked())}>
            Revoke
            <span className="visually-hidden"> the session of {where}</span>
          </Button>
          <FormError message={formErrors(state.error).form} />
        </span>
      )}
    </li>
  );
}

function LoginHistory() {
  const paging = usePaging();
  const [result] = useQuery({ query: LoginAttemptsQuery, variables: paging.variables, requestPolicy: "cache-and-network" });
  const attempts = result.data?.me.loginAttempts;
  return (
    <Section title="Login history" description="Every login attempt on your account, newest first.">
      {!attempts ? (
        result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />
      ) : (
        <>
          <TableScroll label="Login attempts, newest first">
            <table>
              <caption className="visually-hidden">Login attempts, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Result</th>
                  <th scope="col">How</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {attempts.edges.map(({ node, cursor }) => (
                  <tr key={cursor}>
                    <td><Time value={node.at} /></td>
                    <td>{node.succeeded ? "Signed in" : <strong>Failed</strong>}</td>
                    <td>
                      {loginMethodLabels[node.method]}
                      {node.secondFactor && ` + ${secondFactorLabels[node.secondFactor]}`}
                    </td>
                    <td>
                      {node.ipAddress ?? "—"}
                      <br />
                      <span className="muted small">{node.userAgent}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager label="Pages of login history" pageInfo={attempts.pageInfo} totalCount={attempts.totalCount} paging={paging} fetching={result.fetching} />
        </>
      )}
    </Section>
  );
}
