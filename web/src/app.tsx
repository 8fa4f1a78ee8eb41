import { useEffect, useState } from "preact/hooks";
import { api } from "./api/client";
import { callbackPath, forget, isSignedIn, onSessionChange } from "./auth/session";
import { Link } from "./components";
import { Callback } from "./pages/Callback";
import { NewNote } from "./pages/NewNote";
import { Notes } from "./pages/Notes";
import { Register } from "./pages/Register";
import { Sessions } from "./pages/Sessions";
import { SignIn } from "./pages/SignIn";
import { navigate, useLocation } from "./router";

const signedInPages: Record<string, () => preact.JSX.Element> = {
  "/notes": Notes,
  "/notes/new": NewNote,
  "/sessions": Sessions,
};

export function App() {
  const { path, search } = useLocation();
  const [signedIn, setSignedIn] = useState(isSignedIn());
  useEffect(() => onSessionChange(() => setSignedIn(isSignedIn())), []);

  const signOut = async () => {
    // The server ends the session: its access and refresh tokens stop working at once (ADR 0059).
    await api.POST("/api/v1/auth/sign-out").catch(() => undefined);
    forget();
    navigate("/sign-in?signedOut=1", true);
  };

  let page: preact.JSX.Element;
  const Page = signedInPages[path];
  if (path === callbackPath) {
    page = <Callback />;
  } else if (path === "/register") {
    page = <Register />;
  } else if (Page && signedIn) {
    page = <Page />;
  } else if (signedIn && (path === "/" || path === "/sign-in")) {
    page = <Notes />;
  } else if (Page || path === "/" || path === "/sign-in") {
    const params = new URLSearchParams(search);
    const notice = params.has("signedOut") ? "You have signed out." : params.has("registered") ? "Your account is ready. Sign in to start." : undefined;
    page = <SignIn returnTo={Page ? path : "/notes"} notice={notice} />;
  } else {
    page = <section><h1>Page not found</h1><p><Link href="/">Go to the start page</Link></p></section>;
  }

  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <Link href="/" class="brand">VoiceNote</Link>
        {signedIn && (
          <nav aria-label="Main">
            <Link href="/notes" current={path === "/notes"}>Notes</Link>
            <Link href="/sessions" current={path === "/sessions"}>Sessions</Link>
            <button type="button" onClick={() => void signOut()}>Sign out</button>
          </nav>
        )}
      </header>
      <main id="main">{page}</main>
    </>
  );
}
