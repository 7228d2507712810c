/**
 * A tab list as the WAI-ARIA pattern has it: one tab stop (roving tabindex), arrow keys move between tabs and
 * select them (mirrored in right-to-left), Home and End go to the ends, and each tab controls its panel.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
}

export interface TabsProps<Id extends string> {
  tabs: ReadonlyArray<TabSpec<Id>>;
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
  /** Direction of the UI: ArrowLeft means "next" in right-to-left. */
  dir: 'ltr' | 'rtl';
}

export const tabId = (id: string): string => `tab-${id}`;
export const tabPanelId = (id: string): string => `tabpanel-${id}`;

export function Tabs<Id extends string>({ tabs, selected, onSelect, label, dir }: TabsProps<Id>) {
  const list = useRef<HTMLDivElement>(null);
  const focusTab = (id: Id) => {
    onSelect(id);
    // After the render that moves tabindex=0 to it.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`#${tabId(id)}`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const next = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const prev = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let to: number | undefined;
    if (e.key === next) to = (i + 1) % tabs.length;
    else if (e.key === prev) to = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = tabs.length - 1;
    if (to === undefined) return;
    e.preventDefault();
    focusTab(tabs[to]!.id);
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          type="button"
          role="tab"
          key={t.id}
          id={tabId(t.id)}
          aria-selected={t.id === selected}
          // Only the selected tab's panel exists: a reference to a missing id is an ARIA error.
          aria-controls={t.id === selected ? tabPanelId(t.id) : undefined}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <section role="tabpanel" id={tabPanelId(id)} aria-labelledby={tabId(id)} tabIndex={0}>
      {children}
    </section>
  );
}
