import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ShownProblem } from "./api/problem";
import { onLinkClick } from "./router";

export function Link(props: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  return <a href={props.href} class={props.class} onClick={onLinkClick} aria-current={props.current ? "page" : undefined}>{props.children}</a>;
}

/** The page's heading, focused when the page opens so screen readers announce it. */
export function PageTitle(props: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.children} · VoiceNote`;
    heading.current?.focus();
  }, [props.children]);
  return <h1 ref={heading} tabIndex={-1}>{props.children}</h1>;
}

export function ProblemMessage(props: { problem: ShownProblem | null }) {
  if (!props.problem) {
    return null;
  }
  return (
    <div class="problem" role="alert">
      <p>{props.problem.message}</p>
      {props.problem.fields.length > 0 && <ul>{props.problem.fields.map((f) => <li key={f}>{f}</li>)}</ul>}
    </div>
  );
}

export function Status(props: { children: ComponentChildren }) {
  return <p class="status" role="status">{props.children}</p>;
}
