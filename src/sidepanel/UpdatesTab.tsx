/** The Updates tab of the side panel: which dataset is installed. Sync status, import and export grow here. */
import { useEffect, useState } from 'preact/hooks';
import type { DatasetInfo } from '../shared/messages.ts';
import { sendToBackground } from '../shared/send.ts';
import { t } from '../shared/i18n.ts';

export function UpdatesTab() {
  const [dataset, setDataset] = useState<DatasetInfo | null>(null);
  useEffect(() => {
    void sendToBackground('getDatasetInfo', {}).then(setDataset, () => setDataset(null));
  }, []);
  if (!dataset) return null;
  return (
    <section class="updates" aria-label={t('panelDataset', [dataset.datasetId, String(dataset.version), String(dataset.entityCount)])}>
      <p>{t('panelDataset', [dataset.datasetId, String(dataset.version), String(dataset.entityCount)])}</p>
    </section>
  );
}
