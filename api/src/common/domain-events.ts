import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

export interface ImportCompleted {
  batchId: string;
  indicators: string[];
  /** The areas and units the import wrote (absent: unknown, so detection looks at everything). */
  subjects?: string[];
  actor: string;
}

/**
 * In-process domain events between features, so that e.g. signal detection can follow every
 * completed import without the importer knowing about signals (and without delaying its answer).
 */
@Injectable()
export class DomainEvents {
  readonly importCompleted = new Subject<ImportCompleted>();
}
