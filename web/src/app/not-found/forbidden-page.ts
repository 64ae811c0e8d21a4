import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TPipe } from '../core/i18n/t.pipe';

@Component({
  selector: 'app-forbidden-page',
  imports: [TPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'forbidden.title' | t }}</h1>
    <p>{{ 'forbidden.text' | t }}</p>
    <p><a routerLink="/overzicht">{{ 'home.link' | t }}</a></p>
  `,
})
export class ForbiddenPage {}
