import type { BusinessMessage, PreviewListRow } from './sim-client';

interface ListSheetProps {
  message: BusinessMessage;
  onPick: (row: PreviewListRow) => void;
  onClose: () => void;
}

/** The sheet WhatsApp slides up for a list message: one tap picks a row and sends it. */
export function ListSheet({ message, onPick, onClose }: ListSheetProps) {
  const list = message.preview.list;
  if (!list) return null;
  return (
    <div className="phone-sheet" role="dialog" aria-label={list.button} data-testid="phone-list-sheet">
      <div className="phone-sheet__head">
        <strong>{list.button}</strong>
        <button type="button" className="phone-sheet__close" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="phone-sheet__body">
        {list.sections.map((section, s) => (
          <section key={s}>
            {section.title ? <h3 className="phone-sheet__section">{section.title}</h3> : null}
            {section.rows.map((row) => (
              <button key={row.id} type="button" className="phone-sheet__row" data-testid="phone-list-row" onClick={() => onPick(row)}>
                <span>{row.title}</span>
                {row.description ? <small>{row.description}</small> : null}
              </button>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
