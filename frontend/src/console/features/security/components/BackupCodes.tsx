import { useEffect, useMemo } from "react";

import { CopyButton } from "../../../components/CopyButton";
import { Notice } from "../../../components/Notice";

/** Backup codes, shown this once: a list, a .txt download and a copy button. */
export function BackupCodes({ codes }: { codes: readonly string[] }) {
  const text = `AccountQL backup codes (each works once in place of a second factor)\n\n${codes.join("\n")}\n`;
  const href = useMemo(() => URL.createObjectURL(new Blob([text], { type: "text/plain" })), [text]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <div className="secret-box">
      <Notice tone="warning">Store these backup codes somewhere safe now: they are shown this once. Each works once when you have no phone.</Notice>
      <ul className="codes" aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <a className="button button-secondary" href={href} download="accountql-backup-codes.txt">
          Download as a text file
        </a>
        <CopyButton text={codes.join("\n")} label="Copy the codes" />
      </div>
    </div>
  );
}
