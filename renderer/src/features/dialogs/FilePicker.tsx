import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import * as Dialog from '@radix-ui/react-dialog';
import type { Out } from '@shared/ipc/contract';
import { useAppContext } from '../../app-context';
import { ask, textOf } from './questions';
import { finishPick, joinRel, matchesType, parentDir, pickerStore } from './picker-state';
import './dialogs.css';

type Listing = Out<'files.list'>;

/**
 * The in-app file picker of the browser host (a page has no file dialog that yields a host path): a real list of
 * one folder of the launch folder at a time (`files.list`, contained by the host), folders first, files filtered
 * by type ("all files" shows the rest). Keyboard: ↑/↓ move, Enter opens a folder or chooses, Backspace goes up,
 * Space adds a file to an import, Esc cancels.
 */
export function FilePicker() {
  const { t } = useTranslation();
  const { store, host } = useAppContext();
  const req = useStore(pickerStore(store), (s) => s.request);
  const [dir, setDir] = useState('');
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [showAll, setShowAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!req) return;
    setDir('');
    setChosen([]);
    setShowAll(false);
    setName(req.suggestedName ?? '');
  }, [req]);

  useEffect(() => {
    if (!req) return;
    let cancelled = false;
    setError(null);
    // The old folder's entries go at once: a key pressed before the new list arrives must not act on them.
    setListing(null);
    host
      .invoke('files.list', { dir })
      .then((l) => {
        if (cancelled) return;
        setListing(l);
        setActive(0);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [req, dir, host]);

  if (!req) return null;
  const pickFiles = req.mode === 'open' || req.mode === 'import';
  const entries = (listing?.entries ?? []).filter(
    (e) => e.kind === 'dir' || (req.mode !== 'folder' && (showAll || matchesType(e.name, req.extensions))),
  );
  entries.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'dir' ? -1 : 1));
  const cancel = () => finishPick(store, null);

  const done = async (paths: string[]) => {
    if (!paths.length) return;
    if (req.mode === 'save' && req.confirmReplace) {
      const base = paths[0].split('/').pop() ?? paths[0];
      const exists = listing?.entries.some((e) => e.kind === 'file' && e.name === base);
      if (exists) {
        const b = await ask(store, {
          title: (tr) => tr('picker.replaceTitle', { name: base }),
          detail: (tr) => tr('picker.replaceDetail'),
          buttons: [{ label: (tr) => tr('picker.replace'), tone: 'danger' }, { label: (tr) => tr('confirm.cancel') }],
          cancel: 1,
          focus: 1,
        });
        if (b !== 0) return;
      }
    }
    finishPick(store, paths);
  };
  const open = (i: number) => {
    const e = entries[i];
    if (!e) return;
    if (e.kind === 'dir') setDir(joinRel(dir, e.name));
    else if (pickFiles) void done(chosen.length && req.mode === 'import' ? chosen : [joinRel(dir, e.name)]);
    else void done([joinRel(dir, e.name)]);
  };
  const toggle = (i: number) => {
    const e = entries[i];
    if (!e || e.kind !== 'file' || req.mode !== 'import') return;
    const p = joinRel(dir, e.name);
    setChosen(chosen.includes(p) ? chosen.filter((c) => c !== p) : [...chosen, p]);
  };
  const select = (i: number) => {
    setActive(i);
    const e = entries[i];
    if (e?.kind === 'file') {
      if (req.mode === 'save') setName(e.name);
      else if (req.mode === 'import') setChosen([joinRel(dir, e.name)]);
    }
  };
  const submit = () => {
    if (req.mode === 'save' || req.mode === 'folder') {
      const n = name.trim();
      if (n) void done([joinRel(dir, n)]);
      else if (req.mode === 'folder' && dir) void done([dir]);
      return;
    }
    if (req.mode === 'import' && chosen.length) return void done(chosen);
    open(active);
  };
  const onListKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = Math.max(0, Math.min(entries.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      setActive(n);
      listRef.current?.querySelectorAll('li')[n]?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) submit();
      else open(active);
    } else if (e.key === ' ') {
      e.preventDefault();
      toggle(active);
    } else if (e.key === 'Backspace' && dir) {
      e.preventDefault();
      setDir(parentDir(dir));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : entries.length - 1);
    }
  };
  const crumbs = dir ? dir.split('/') : [];
  const primary =
    req.mode === 'open'
      ? t('picker.open')
      : req.mode === 'import'
        ? t('picker.import', { count: chosen.length })
        : req.mode === 'save'
          ? t('picker.save')
          : t('picker.chooseFolder');
  const canSubmit =
    req.mode === 'save'
      ? !!name.trim()
      : req.mode === 'folder'
        ? !!name.trim() || !!dir
        : req.mode === 'import'
          ? chosen.length > 0
          : entries[active]?.kind === 'file';

  return (
    <Dialog.Root open onOpenChange={(o) => !o && cancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        <Dialog.Content
          className="dlg dlg-picker"
          data-testid="file-picker"
          onOpenAutoFocus={(e) => {
            if (req.mode === 'save' || req.mode === 'folder') return;
            e.preventDefault();
            listRef.current?.focus();
          }}
        >
          <Dialog.Title className="dlg-title">{textOf(t, req.title)}</Dialog.Title>
          <Dialog.Description className="dlg-detail">
            {t('picker.where', { root: listing?.root ?? '…' })}
          </Dialog.Description>
          <nav className="picker-crumbs" aria-label={t('picker.path')}>
            <button type="button" onClick={() => setDir('')} data-testid="picker-crumb-root">
              {listing?.root ?? '…'}
            </button>
            {crumbs.map((c, i) => (
              <span key={i}>
                <span aria-hidden> / </span>
                <button type="button" onClick={() => setDir(crumbs.slice(0, i + 1).join('/'))}>
                  {c}
                </button>
              </span>
            ))}
            <button
              type="button"
              className="picker-up"
              disabled={!dir}
              onClick={() => setDir(parentDir(dir))}
              data-testid="picker-up"
            >
              {t('picker.up')}
            </button>
          </nav>
          <ul
            ref={listRef}
            className="picker-list"
            role="listbox"
            tabIndex={0}
            aria-label={textOf(t, req.title)}
            aria-multiselectable={req.mode === 'import'}
            aria-activedescendant={entries[active] ? `picker-opt-${active}` : undefined}
            onKeyDown={onListKey}
            data-testid="picker-list"
          >
            {entries.map((e, i) => {
              const p = joinRel(dir, e.name);
              const isChosen = chosen.includes(p);
              return (
                <li
                  key={e.kind + e.name}
                  id={`picker-opt-${i}`}
                  role="option"
                  aria-selected={req.mode === 'import' ? isChosen : i === active}
                  className={`picker-entry is-${e.kind}${i === active ? ' is-active' : ''}${isChosen ? ' is-chosen' : ''}`}
                  onClick={(ev) => (ev.ctrlKey || ev.metaKey ? (setActive(i), toggle(i)) : select(i))}
                  onDoubleClick={() => open(i)}
                  data-testid={`picker-entry-${e.name}`}
                >
                  <span className="picker-icon" aria-hidden>
                    {e.kind === 'dir' ? '▸' : req.mode === 'import' ? (isChosen ? '☑' : '☐') : '·'}
                  </span>
                  <span className="picker-name">{e.kind === 'dir' ? `${e.name}/` : e.name}</span>
                  {e.size !== undefined && <span className="picker-size">{formatSize(e.size)}</span>}
                </li>
              );
            })}
            {listing && !entries.length && (
              <li className="picker-empty" data-testid="picker-empty">
                {t('picker.empty')}
              </li>
            )}
          </ul>
          {error && (
            <p className="dlg-error" role="alert" data-testid="picker-error">
              {error}
            </p>
          )}
          {(req.mode === 'save' || req.mode === 'folder') && (
            <label className="picker-name-field">
              {req.mode === 'save' ? t('picker.fileName') : t('picker.folderName')}
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    submit();
                  }
                }}
                data-testid="picker-name"
                autoFocus
              />
            </label>
          )}
          {req.mode !== 'folder' && (
            <label className="picker-filter">
              <input
                type="checkbox"
                checked={showAll}
                onChange={(e) => setShowAll(e.target.checked)}
                data-testid="picker-all"
              />
              {t('picker.allFiles')} <span className="muted">· {textOf(t, req.filterLabel)}</span>
            </label>
          )}
          <div className="dlg-actions picker-foot">
            <button type="button" onClick={cancel} data-testid="picker-cancel">
              {t('confirm.cancel')}
            </button>
            <button type="button" className="primary" disabled={!canSubmit} onClick={submit} data-testid="picker-ok">
              {primary}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
