/**
 * Where a description comes from: "Background: Wikipedia, 30 November 2026", quiet, apart from the article's
 * evidence. The description is background knowledge, not the article's; this line says whose, and how current.
 */
import type { DescriptionSource } from '../../core/dataset/dataset-schema.ts';
import { formatIsoDate } from '../../core/ui/iso-date.ts';
import { safeHttpUrl } from '../../core/ui/safe-url.ts';
import { Msg } from './Msg.tsx';

export function Background({ source, lang }: { source: DescriptionSource | undefined; lang: 'ar' | 'en' }) {
  if (!source) return null;
  const href = safeHttpUrl(source.url);
  const name = source.name[lang];
  return (
    <p class="background">
      <Msg
        k="descriptionBackground"
        args={[
          href ? { node: <a href={href} target="_blank" rel="noopener noreferrer">{name}</a> } : name,
          formatIsoDate(source.checked, lang),
        ]}
      />
    </p>
  );
}
