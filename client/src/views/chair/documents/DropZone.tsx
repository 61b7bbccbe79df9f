import { useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_FILES } from '../../../documents/upload/uploadRequest.js';
import { useDocumentsRoomText } from '../../../documents/list/useDocumentsRoomText.js';

/** Files dropped on the zone or picked with the button; several at once. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const r = useDocumentsRoomText();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={`drop-zone ${over ? 'is-over' : ''}`}
      data-testid="document-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="drop-zone-text">{r.console.drop}</p>
      <p className="muted">{r.console.dropHint}</p>
      <button type="button" className="btn btn-primary" onClick={() => input.current?.click()} data-testid="document-pick">
        {r.console.pick}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        hidden
        data-testid="document-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
