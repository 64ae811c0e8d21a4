import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TPipe } from '../core/i18n/t.pipe';

@Component({
  selector: 'app-beheer-page',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'beheer.title' | t }}</h1>
    <p>{{ 'beheer.todo' | t }}</p>
  `,
})
export class BeheerPage {}
