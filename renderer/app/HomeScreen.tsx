import { ArchiveList } from '../archive/ArchiveList';
import { DraftList } from '../drafts/DraftList';
import { TemplateList } from '../drafts/TemplateList';
import { t } from '../i18n/t';

interface Props {
  onOpenDraft: (draftId: string) => void;
  onOpenRecord: (archiveId: string) => void;
  onImport: () => void;
  onEditTemplate: (templateId: string) => void;
  onSearchArchive: () => void;
  onVerify: () => void;
  onStamp: () => void;
}

/** Start page: templates to begin from, drafts to resume, signed pledges to look up. */
export function HomeScreen({ onOpenDraft, onOpenRecord, onImport, onEditTemplate, onSearchArchive, onVerify, onStamp }: Props) {
  return (
    <div className="home">
      <div className="home-stamp">
        <button type="button" className="btn" onClick={onStamp} data-action="stamp-pdf">
          {t.stamp.homeButton}
        </button>
      </div>
      <TemplateList onCreated={onOpenDraft} onImport={onImport} onEdit={onEditTemplate} />
      <DraftList onOpenDraft={onOpenDraft} onOpenRecord={onOpenRecord} />
      <ArchiveList onOpenRecord={onOpenRecord} onSearch={onSearchArchive} onVerify={onVerify} />
    </div>
  );
}
