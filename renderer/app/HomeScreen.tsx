import { ArchiveList } from '../archive/ArchiveList';
import { DraftList } from '../drafts/DraftList';
import { TemplateList } from '../drafts/TemplateList';

interface Props {
  onOpenDraft: (draftId: string) => void;
  onOpenRecord: (archiveId: string) => void;
  onImport: () => void;
  onEditTemplate: (templateId: string) => void;
}

/** Start page: templates to begin from, drafts to resume, signed pledges to look up. */
export function HomeScreen({ onOpenDraft, onOpenRecord, onImport, onEditTemplate }: Props) {
  return (
    <div className="home">
      <TemplateList onCreated={onOpenDraft} onImport={onImport} onEdit={onEditTemplate} />
      <DraftList onOpenDraft={onOpenDraft} onOpenRecord={onOpenRecord} />
      <ArchiveList onOpenRecord={onOpenRecord} />
    </div>
  );
}
