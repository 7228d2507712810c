/**
 * The hover card: who an entity is, what the dataset says of it, and where each fact comes from. Every string
 * from the dataset is rendered as text (Preact escapes it); only http(s) URLs become links.
 *
 * A non-modal dialog: labelled by the entity's name, described by its description. The controller moves focus
 * into it only when the reader asked from the keyboard or by tapping; a card opened by hovering leaves focus
 * where it was.
 */
import type { Entity } from '../core/dataset-schema.ts';
import { dirOf, isolate, t, type MessageKey } from '../shared/i18n.ts';
import type { CardData } from './entity-directory.ts';
import { CardFacts } from './CardFacts.tsx';
import { UiText, type CardLangs } from './card-langs.tsx';

export interface CardActions {
  onClose: () => void;
  onBack: () => void;
  onOpenEntity: (id: string) => void;
  onOpenReader: (articleId: string, quote: string) => void;
  onShowInPanel: () => void;
  onMute: () => void;
  /** Keys pressed inside the card (next and previous name). */
  onKeyDown: (e: KeyboardEvent) => void;
  /** Focus leaving an element of the card (to go elsewhere in the card, or out of it). */
  onFocusOut: (e: FocusEvent) => void;
}

export interface CardProps extends CardActions {
  /** The entity's card, or the id of an entity the dataset no longer has. */
  data: CardData | { missing: string };
  langs: CardLangs;
  /** The name of the card this one was opened from (following a tie), for the Back button. */
  backTo: string | undefined;
  /** A short message after an action (e.g. where to find the side panel in Firefox). */
  status: string | undefined;
}

const TYPE_KEYS: Record<Entity['type'], MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  media: 'typeMedia',
  place: 'typePlace',
};

export function EntityCard(props: CardProps) {
  const { data, langs } = props;
  const lang = langs.content;
  const other = lang === 'ar' ? 'en' : 'ar';
  const entity = 'entity' in data ? data.entity : undefined;
  const label = entity ? entity.name[lang] : 'missing' in data ? data.missing : '';
  return (
    <div
      class="card"
      role="dialog"
      tabIndex={-1}
      aria-label={t('cardLabel', label)}
      aria-describedby={entity ? 'dramatis-description' : undefined}
      aria-keyshortcuts="N P Escape"
      lang={lang}
      dir={dirOf(lang)}
      data-entity-id={entity?.id ?? ''}
      onKeyDown={props.onKeyDown}
      onFocusOut={props.onFocusOut}
    >
      <header>
        <div class="names">
          {props.backTo !== undefined && (
            <button type="button" class="link-button back" onClick={props.onBack}>
              <UiText langs={langs}>{t('cardBack', isolate(props.backTo))}</UiText>
            </button>
          )}
          <h2 class="name">{label}</h2>
          {entity && (
            <p class="other-name">
              <span lang={other} dir={dirOf(other)}>{entity.name[other]}</span>
            </p>
          )}
        </div>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={props.onClose}>×</button>
      </header>
      {entity ? (
        <>
          <p class="type"><UiText langs={langs}>{t(TYPE_KEYS[entity.type])}</UiText></p>
          <p class="description" id="dramatis-description">{entity.description[lang]}</p>
          <CardFacts
            entity={entity}
            related={'related' in data ? data.related : new Map()}
            articles={'articles' in data ? data.articles : new Map()}
            langs={langs}
            onOpenEntity={props.onOpenEntity}
            onOpenReader={props.onOpenReader}
          />
          <div class="actions">
            <button type="button" class="action show-in-panel" onClick={props.onShowInPanel}>
              <UiText langs={langs}>{t('cardShowInPanel')}</UiText>
            </button>
            <button type="button" class="action mute" onClick={props.onMute}>
              <UiText langs={langs}>{t('cardMute')}</UiText>
            </button>
          </div>
        </>
      ) : (
        <p class="missing"><UiText langs={langs}>{t('cardMissing')}</UiText></p>
      )}
      <p class="status" role="status">{props.status && <UiText langs={langs}>{props.status}</UiText>}</p>
      <p class="keys"><UiText langs={langs}>{t('cardKeys')}</UiText></p>
    </div>
  );
}
