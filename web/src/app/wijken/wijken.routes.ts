import { Routes } from '@angular/router';

export const WIJKEN_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./wijken-page').then((m) => m.WijkenPage) },
  { path: ':code', loadComponent: () => import('./wijken-page').then((m) => m.WijkenPage) },
];
