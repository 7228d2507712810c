/**
 * The hover card: who an entity is, what the dataset says of it, and where each fact comes from. Every string
 * from the dataset is rendered as text (Preact escapes it); only http(s) URLs become links.
 *
 * Written in the reader's UI language and direction, whatever the page's: the name in that language with the
 * other script's beneath it, each keeping its own direction (<bdi>), so the cards of one page all read the same
 * way. It fits its box: the description and its source, up to three roles and three ties, then the way to the
 * side panel and the two ways to dismiss (this mark only, or the entity everywhere); when it still has to scroll
 * (a short viewport), a cue at its foot says there is more.
 *
 * A non-modal dialog, labelled by the entity's name and described by its description. The controller moves focus
 * into it only when the reader asked from the keyboard or by tapping, or followed a tie (to the new heading); a
 * card opened by hovering leaves focus where it was.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Entity } from '../../core/dataset/dataset-schema.ts';
import { dirOf, t, type MessageKey } from '../../shared/i18n.ts';
import { Background } from '../../shared/ui/Background.tsx';
import { Msg } from '../../shared/ui/Msg.tsx';
import type { CardData } from '../entity-directory.ts';
import { CardFacts } from './CardFacts.tsx';

export interface CardActions {
  onClose: () => void;
  onBack: () => void;
  onOpenEntity: (id: string) => void;
  onOpenReader: (articleId: string, quote: string) => void;
  onShowInPanel: () => void;
  /** "Not this one": hide this one mention, on this page (`fromKeyboard`: pressed with a key, not clicked). */
  onNotThisOne: (fromKeyboard: boolean) => void;
  /** "Don't highlight <name>": the entity, everywhere. */
  onMute: (fromKeyboard: boolean) => void;
  /** Keys pressed inside the card (next and previous name). */
  onKeyDown: (e: KeyboardEvent) => void;
  /** Focus leaving an element of the card (to go elsewhere in the card, or out of it). */
  onFocusOut: (e: FocusEvent) => void;
}

export interface CardProps extends CardActions {
  /** The entity's card, or the id of an entity the dataset no longer has. */
  data: CardData | { missing: string };
  /** The UI language: the card's language and direction. */
  lang: 'ar' | 'en';
  /** The name of the card this one was opened from (following a tie), for the Back button. */
  backTo: string | undefined;
  /** Whether the card was opened from the keyboard: then it lists its keys. */
  keyboard: boolean;
  /** A short message after an action (e.g. where to find the side panel in Firefox). */
  status: string | undefined;
}

const TYPE_KEYS: Record<Entity['type'], MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  media: 'typeMedia',
  place: 'typePlace',
};

/** Keeps `data-more` on the card while some of it is below its fold (the cue shows then). */
function useScrollCue(card: { current: HTMLDivElement | null }): () => void {
  const update = () => {
    const el = card.current;
    if (!el) return;
    const more = el.scrollHeight - el.clientHeight - el.scrollTop > 4;
    if (more) el.dataset.more = 'true';
    else delete el.dataset.more;
  };
  useLayoutEffect(() => {
    update();
    const el = card.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    // The card's height changes when it is placed (its max-height follows the room it has) and as sources open.
    const observer = new ResizeObserver(update);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  });
  return update;
}

export function EntityCard(props: CardProps) {
  const { data, lang } = props;
  const other = lang === 'ar' ? 'en' : 'ar';
  const entity = 'entity' in data ? data.entity : undefined;
  const name = entity ? entity.name[lang] : 'missing' in data ? data.missing : '';
  const card = useRef<HTMLDivElement>(null);
  const onScroll = useScrollCue(card);
  return (
    <div
      class="card"
      ref={card}
      role="dialog"
      tabIndex={-1}
      aria-label={t('cardLabel', name)}
      aria-describedby={entity ? 'dramatis-description' : undefined}
      aria-keyshortcuts="N P Escape"
      lang={lang}
      dir={dirOf(lang)}
      data-entity-id={entity?.id ?? ''}
      onKeyDown={props.onKeyDown}
      onFocusOut={props.onFocusOut}
      onScroll={onScroll}
    >
      <header>
        {props.backTo !== undefined && (
          <button type="button" class="link-button back" onClick={props.onBack}>
            <Msg k="cardBack" args={[props.backTo]} />
          </button>
        )}
        <div class="title-row">
          <h2 class="name" id="dramatis-name" tabIndex={-1}><bdi>{name}</bdi></h2>
          <button type="button" class="close" aria-label={t('cardClose')} onClick={props.onClose}>×</button>
        </div>
        {entity && (
          <p class="subtitle">
            <bdi class="other-name" lang={other} dir={dirOf(other)}>{entity.name[other]}</bdi>
            <span class="type"> · {t(TYPE_KEYS[entity.type])}</span>
          </p>
        )}
      </header>
      {entity ? (
        <>
          <p class="description" id="dramatis-description">{entity.description[lang]}</p>
          <Background source={entity.descriptionSource} lang={lang} />
          <CardFacts
            entity={entity}
            related={'related' in data ? data.related : new Map()}
            articles={'articles' in data ? data.articles : new Map()}
            lang={lang}
            onOpenEntity={props.onOpenEntity}
            onOpenReader={props.onOpenReader}
          />
          <p class="more">
            <button type="button" class="link-button show-in-panel" onClick={props.onShowInPanel}>{t('actionMoreInPanel')}</button>
          </p>
          <div class="actions">
            <button type="button" class="action not-this-one" title={t('actionNotThisOneHint', name)} onClick={(e) => props.onNotThisOne(e.detail === 0)}>
              {t('actionNotThisOne')}
            </button>
            <button type="button" class="action mute" onClick={(e) => props.onMute(e.detail === 0)}>
              <Msg k="actionMute" args={[name]} />
            </button>
          </div>
        </>
      ) : (
        <p class="missing">{t('cardMissing')}</p>
      )}
      <p class="status" role="status">{props.status}</p>
      {props.keyboard && <p class="keys">{t('cardKeys')}</p>}
      <div class="more-cue" aria-hidden="true" />
    </div>
  );
}
