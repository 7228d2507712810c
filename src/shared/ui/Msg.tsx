/**
 * A UI message from the locale catalogue with its substitutions rendered as isolated elements: each name or
 * date goes in a <bdi>, so "Back to حسن نصر الله" stays in that order in a right-to-left card and a name's
 * neutral characters (brackets, full stops, commas) stay with it. An argument may carry its language, which
 * also sets the isolate's direction; without one the browser takes the direction from its first strong letter.
 */
import type { ComponentChild } from 'preact';
import { browser } from '../browser.ts';
import { dirOf, type MessageKey } from '../i18n.ts';

export type MsgArg = string | { text: string; lang?: string } | { node: ComponentChild };

/** Private-use sentinels the catalogue never contains: where each substitution lands in the message. */
const SENTINEL = (i: number) => String.fromCharCode(0xe000 + i);
const SPLIT = /([\ue000-\ue008])/;

function isolate(arg: MsgArg, key: number): ComponentChild {
  if (typeof arg === 'string') return <bdi key={key}>{arg}</bdi>;
  if ('node' in arg) return <bdi key={key}>{arg.node}</bdi>;
  return arg.lang ? <bdi key={key} lang={arg.lang} dir={dirOf(arg.lang)}>{arg.text}</bdi> : <bdi key={key}>{arg.text}</bdi>;
}

/** The message `k`, its `args` isolated. */
export function Msg({ k, args = [] }: { k: MessageKey; args?: readonly MsgArg[] }) {
  const text = browser.i18n.getMessage(k, args.map((_, i) => SENTINEL(i))) || k;
  return (
    <>
      {text.split(SPLIT).map((part, i) => {
        const code = part.length === 1 ? part.charCodeAt(0) - 0xe000 : -1;
        const arg = code >= 0 && code < args.length ? args[code] : undefined;
        return arg !== undefined ? isolate(arg, i) : part;
      })}
    </>
  );
}
