// "Download your data": exportMyData's JSON document, saved as a file by the browser.
import { useEffect, useState } from "react";

import { Button } from "../../../components/Button";
import { FormError } from "../../../components/Form";
import { Notice } from "../../../components/Notice";
import { Section } from "../../../components/layouts/Page";
import { formErrors } from "../../../lib/errors";
import { useApiMutation } from "../../../lib/mutation";
import { ExportMyDataMutation } from "../operations";

/** accountql-data-2026-11-30.json, in the reader's own calendar. */
export function exportFileName(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `accountql-data-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

function kilobytes(size: number): string {
  return size < 1024 ? `${size} bytes` : `${Math.ceil(size / 1024)} KB`;
}

interface SavedFile {
  href: string;
  name: string;
  size: number;
}

export function DownloadData() {
  const [state, exportData] = useApiMutation(ExportMyDataMutation);
  const [file, setFile] = useState<SavedFile | null>(null);
  // The object URL lives as long as its link is shown.
  useEffect(() => (file ? () => URL.revokeObjectURL(file.href) : undefined), [file]);

  const download = async () => {
    const result = await exportData({});
    if (result.data === undefined) return;
    const blob = new Blob([`${JSON.stringify(result.data.exportMyData, null, 2)}\n`], { type: "application/json" });
    const saved = { href: URL.createObjectURL(blob), name: exportFileName(), size: blob.size };
    // Saved at once, as the button says; the link below stays for another copy.
    const link = document.createElement("a");
    link.href = saved.href;
    link.download = saved.name;
    link.click();
    setFile(saved);
  };

  return (
    <Section
      title="Download your data"
      description="Everything the service holds about you, as one JSON file: your profile, memberships, sessions, login history, keys (never their secrets) and the activity about you. It asks for your password again first; five downloads an hour."
    >
      <FormError message={formErrors(state.error).form} />
      <div className="actions">
        <Button variant="secondary" onClick={() => void download()} loading={state.fetching}>
          Download your data
        </Button>
      </div>
      {file && (
        <Notice tone="success">
          Your data is saved as {file.name} ({kilobytes(file.size)}).{" "}
          <a href={file.href} download={file.name}>
            Save it again
          </a>
        </Notice>
      )}
    </Section>
  );
}
