import { useEffect, useState } from "preact/hooks";
import { api, type Schemas } from "../api/client";
import { describeProblem, type ShownProblem } from "../api/problem";
import { Link, PageTitle, ProblemMessage, Status } from "../components";
import { when } from "../format";

type Note = Schemas["NoteListItem"];

/** The caller's notes, newest first, one page at a time on the API's cursor. */
export function Notes() {
  const [notes, setNotes] = useState<Note[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ShownProblem | null>(null);

  const load = async (after: string | null) => {
    setLoading(true);
    setProblem(null);
    const { data, error, response } = await api.GET("/api/v1/notes", {
      params: { query: { sort: "NEWEST", ...(after ? { cursor: after } : {}) } },
    });
    setLoading(false);
    if (!data) {
      setProblem(describeProblem(error, response));
      return;
    }
    setNotes((shown) => (after ? [...shown, ...data.items] : data.items));
    setCursor(data.nextCursor);
  };

  useEffect(() => void load(null), []);

  return (
    <section>
      <div class="heading-row">
        <PageTitle>Notes</PageTitle>
        <Link href="/notes/new" class="button primary">New note</Link>
      </div>
      <ProblemMessage problem={problem} />
      {!loading && !problem && notes.length === 0 && <p class="empty">No notes yet. Write your first one with “New note”.</p>}
      {notes.length > 0 && (
        <ul class="notes" aria-label="Your notes">
          {notes.map((note) => (
            <li key={note.id} class="note">
              <h2>{note.title || "Untitled note"}</h2>
              {note.summary && <p>{note.summary}</p>}
              <p class="meta"><time dateTime={note.createdAt}>{when(note.createdAt)}</time>
                {note.openTaskCount > 0 && <> · {note.openTaskCount} open {note.openTaskCount === 1 ? "task" : "tasks"}</>}</p>
            </li>
          ))}
        </ul>
      )}
      {loading && <Status>Loading notes…</Status>}
      {!loading && cursor && <button type="button" onClick={() => void load(cursor)}>Load more notes</button>}
    </section>
  );
}
