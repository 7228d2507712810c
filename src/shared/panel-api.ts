/** Requests the side panel, the card and the article reader make: see src/background/panel-handlers.ts. */

export interface PanelApi {
  /**
   * Opens the bundled article reader (reader.html) in a new tab, scrolled to and marking `quote` when given,
   * with the mentions of `entityId` emphasised. Reader URL: reader.html?article=<id>&quote=<text>&entity=<id>.
   */
  openReader: { params: { articleId: string; quote?: string; entityId?: string }; result: { opened: boolean } };
}
