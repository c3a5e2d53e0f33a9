import { useState } from "react";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { TextArea, TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { ErrorNotice, Loading, Notice } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { Time } from "../../../components/Time";
import { Page, Section } from "../../../components/layouts/Page";
import { errorMessage, formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { usePaging } from "../../../lib/paging";
import { AddSshKeyMutation, DeleteSshKeyMutation, SshKeysQuery } from "../operations";

export function SshKeysPage() {
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: SshKeysQuery, variables: paging.variables, requestPolicy: "cache-and-network" });
  const reload = () => refetch({ requestPolicy: "network-only" });
  const keys = result.data?.me.sshKeys;
  const [name, setName] = useState("");
  const [publicKey, setPublicKey] = useState("");
  const [addState, add] = useApiMutation(AddSshKeyMutation);
  const [deleteState, remove] = useApiMutation(DeleteSshKeyMutation);
  const errors = formErrors(addState.error, ["name", "publicKey"]);
  const submit = async () => {
    const outcome = await add({ input: { name: name.trim(), publicKey: publicKey.trim() } });
    if (outcome.data) {
      setName("");
      setPublicKey("");
      reload();
    }
  };
  return (
    <Page title="SSH keys" intro="Your public keys; your organizations provision machines with them.">
      <Section title="Add a key">
        <Form onSubmit={submit} error={errors.form} label="Add an SSH key">
          <TextField label="Key name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} hint="What the key is for, e.g. a laptop's name." required />
          <TextArea label="Public key" name="publicKey" rows={3} value={publicKey} onChange={(e) => setPublicKey(e.target.value)} error={errors.fields.publicKey} hint="One line of your .pub file: ed25519, ECDSA, or RSA of 2048 bits or more." required />
          <Button type="submit" loading={addState.fetching}>
            Add the key
          </Button>
          {addState.data && <Notice tone="success">Added: {addState.data.addSshKey.fingerprint}</Notice>}
        </Form>
      </Section>
      <Section title="Your keys">
        <FormError message={formErrors(deleteState.error).form} />
        {!keys ? (
          result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />
        ) : keys.edges.length === 0 ? (
          <p>No key yet.</p>
        ) : (
          <>
            <ul className="item-list" aria-label="SSH keys">
              {keys.edges.map(({ node }) => (
                <li key={node.id}>
                  <span>
                    <strong>{node.name}</strong> · {node.keyType} {node.bits} bits
                    <br />
                    <code className="small">{node.fingerprint}</code> · added <Time value={node.createdAt} />
                  </span>
                  <ConfirmButton label={`Delete ${node.name}`} title={`Delete ${node.name}?`} question="Machines provisioned from now on will not accept it." confirmLabel="Delete" loading={deleteState.fetching} onConfirm={() => remove({ input: { id: node.id } }).then((r) => r.data && reload())} />
                </li>
              ))}
            </ul>
            <Pager label="Pages of SSH keys" pageInfo={keys.pageInfo} totalCount={keys.totalCount} paging={paging} fetching={result.fetching} />
          </>
        )}
      </Section>
    </Page>
  );
}
