// A partner's session written only against the types generated from the API's OpenAPI document
// (npm run generate): register, sign in, write a note, upload speech, wait for processing, search.
// Run by tests/VoiceNote.IntegrationTests/Contract/GeneratedClientTests.cs; any failed step exits 1.
//
// Environment: VOICENOTE_BASE_URL (e.g. http://127.0.0.1:5080), VOICENOTE_RECORDING (a WAV file),
// VOICENOTE_SPOKEN (words the recording says, searched for once it is processed).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/voicenote.js";

type JobStatus = components["schemas"]["JobStatus"];
type UploadForm = paths["/api/v1/audio"]["post"]["requestBody"]["content"]["multipart/form-data"];

// Through the generated enum type: when the document's values change, tsc says where.
const completed: JobStatus = "COMPLETED";
const finished: readonly JobStatus[] = [completed, "FAILED", "CANCELLED"];

function fail(message: string): never {
  console.error(`flow failed: ${message}`);
  process.exit(1);
}

function setting(name: string): string {
  return process.env[name] || fail(`set ${name}`);
}

/** The success body of a call, or the end of the flow with the status and problem it got. */
function expectOk<T>(step: string, result: { data?: T; error?: unknown; response: Response }, quiet = false): T {
  if (result.data === undefined) {
    fail(`${step}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  if (!quiet) {
    console.log(`ok: ${step} (HTTP ${result.response.status})`);
  }
  return result.data;
}

async function poll<T>(what: string, seconds: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > until) {
      fail(`${what}: not within ${seconds} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const baseUrl = setting("VOICENOTE_BASE_URL");
const recordingPath = setting("VOICENOTE_RECORDING");
const spoken = setting("VOICENOTE_SPOKEN");

const anonymous = createClient<paths>({ baseUrl });
const username = `partner_${Date.now().toString(36)}`;
const password = "Partner-Passw0rd";
const user = expectOk("register", await anonymous.POST("/api/v1/auth/register", {
  body: { email: `${username}@example.test`, username, password, displayName: "Partner" },
}));
const tokens = expectOk("sign in", await anonymous.POST("/api/v1/auth/sign-in", {
  body: { login: user.email, password, deviceId: "flow", deviceModel: "openapi-fetch" },
}));

const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${tokens.access_token}` } });

const typed = expectOk("create a note", await api.POST("/api/v1/notes", {
  body: { title: "Shopping list", summary: "Eggs, bread and coffee beans for the weekend." },
}));

// The generator types the binary `file` part as a string: the fields name the file, the serializer sends its bytes.
const fields: UploadForm = { file: basename(recordingPath), title: "Voice memo" };
const recording = new Blob([await readFile(recordingPath)], { type: "audio/wav" });
const upload = expectOk("upload a recording", await api.POST("/api/v1/audio", {
  body: fields,
  bodySerializer() {
    const form = new FormData();
    form.append("file", recording, fields.file);
    form.append("title", fields.title ?? "");
    return form;
  },
}));

const processing = await poll("processing", 120, async () => {
  const status = expectOk("processing status", await api.GET("/api/v1/audio/{id}/processing", { params: { path: { id: upload.id } } }), true);
  return finished.includes(status.status) ? status : undefined;
});
if (processing.status !== completed) {
  fail(`processing ended ${processing.status}: ${processing.error ?? "no error given"}`);
}
// Numbers are typed number (not number | string): the document describes what the API writes.
const progress: number = processing.progress;
console.log(`ok: processing ${processing.status} at ${progress}% (engine ${processing.engine})`);

// The recording's note reaches Notes through the outbox after the job: search until it is there.
const found = await poll(`a note of recording ${upload.id} among the hits for "${spoken}"`, 60, async () => {
  const results = expectOk("search", await api.GET("/api/v1/notes/search", { params: { query: { q: spoken, mode: "TEXT" } } }), true);
  for (const hit of results.items) {
    const note = expectOk("read a hit", await api.GET("/api/v1/notes/{id}", { params: { path: { id: hit.id } } }), true);
    if (note.audioId === upload.id) {
      return { hits: results.items, note };
    }
  }
  return undefined;
});

if (found.hits.some((hit) => hit.id === typed.id)) {
  fail(`the typed note ${typed.id} does not say "${spoken}" yet was a hit`);
}
if (!found.note.transcript?.toLowerCase().includes(spoken.toLowerCase())) {
  fail(`the found note's transcript does not contain "${spoken}": ${found.note.transcript}`);
}

console.log(`flow passed: note ${found.note.id} of recording ${upload.id} found by "${spoken}" (transcript: ${found.note.transcript})`);
