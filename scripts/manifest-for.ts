/**
 * One source manifest, two outputs: each browser gets only the keys it understands, so neither warns about the
 * other's (Chrome: service_worker + side_panel; Firefox: background scripts + sidebar_action + gecko settings).
 */
export type Target = 'chrome' | 'firefox';
type Manifest = Record<string, unknown> & { background: Record<string, unknown>; permissions: string[] };

export function manifestFor(source: Manifest, target: Target, version: string): Manifest {
  const m: Manifest = structuredClone(source);
  m.version = version;
  if (target === 'chrome') {
    delete m.background.scripts;
    delete m.sidebar_action;
    delete m.browser_specific_settings;
    // The shortcut opens the panel: Chrome runs the action (which opens the side panel), Firefox the sidebar.
    delete (m.commands as Record<string, unknown> | undefined)?._execute_sidebar_action;
    m.permissions = [...m.permissions, 'sidePanel'];
  } else {
    delete m.background.service_worker;
    delete m.side_panel;
    delete (m.commands as Record<string, unknown> | undefined)?._execute_action;
  }
  return m;
}
