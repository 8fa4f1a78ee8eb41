import { useEffect, useState } from "preact/hooks";
import { api, type Schemas } from "../api/client";
import { describeProblem, type ShownProblem } from "../api/problem";
import { PageTitle, ProblemMessage, Status } from "../components";
import { when } from "../format";

type Session = Schemas["SessionDto"];

/** Where this account is signed in; any other session can be ended here. */
export function Sessions() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [problem, setProblem] = useState<ShownProblem | null>(null);

  const load = async () => {
    const { data, error, response } = await api.GET("/api/v1/auth/sessions", { params: { query: { limit: 100 } } });
    if (data) {
      setSessions(data.items);
    } else {
      setProblem(describeProblem(error, response));
    }
  };
  const end = async (id: string) => {
    const { error, response } = await api.DELETE("/api/v1/auth/sessions/{sessionId}", { params: { path: { sessionId: id } } });
    if (response.ok) {
      await load();
    } else {
      setProblem(describeProblem(error, response));
    }
  };

  useEffect(() => void load(), []);

  return (
    <section>
      <PageTitle>Sessions</PageTitle>
      <ProblemMessage problem={problem} />
      {sessions === null && !problem && <Status>Loading sessions…</Status>}
      {sessions && (
        <ul class="sessions" aria-label="Signed-in sessions">
          {sessions.map((s) => (
            <li key={s.id} class="session">
              <p><strong>{s.deviceModel || "Unknown device"}</strong>{s.current && <span class="badge"> (this browser)</span>}</p>
              <p class="meta">Last used <time dateTime={s.lastUsedAt}>{when(s.lastUsedAt)}</time>
                {s.ipAddress && <> · from {s.ipAddress}</>} · signed in <time dateTime={s.createdAt}>{when(s.createdAt)}</time></p>
              {!s.current && (
                <button type="button" onClick={() => void end(s.id)} aria-label={`End the session of ${s.deviceModel || "an unknown device"} last used ${when(s.lastUsedAt)}`}>
                  End session
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
