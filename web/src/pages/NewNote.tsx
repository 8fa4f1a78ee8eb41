import { useState } from "preact/hooks";
import { api } from "../api/client";
import { describeProblem, type ShownProblem } from "../api/problem";
import { Link, PageTitle, ProblemMessage } from "../components";
import { navigate } from "../router";

export function NewNote() {
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setProblem(null);
    const { error, response } = await api.POST("/api/v1/notes", {
      body: { title: String(form.get("title") ?? "") || null, summary: String(form.get("summary") ?? "") || null },
    }).catch((e: unknown) => ({ error: e, response: undefined }));
    setBusy(false);
    if (response?.ok) {
      navigate("/notes");
    } else {
      setProblem(describeProblem(error, response));
    }
  };
  return (
    <section class="narrow">
      <PageTitle>New note</PageTitle>
      <ProblemMessage problem={problem} />
      <form onSubmit={submit}>
        <label for="title">Title</label>
        <input id="title" name="title" maxLength={500} />
        <label for="summary">Summary</label>
        <textarea id="summary" name="summary" rows={6} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>{busy ? "Saving…" : "Save note"}</button>
          <Link href="/notes">Cancel</Link>
        </div>
      </form>
    </section>
  );
}
