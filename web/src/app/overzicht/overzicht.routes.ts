import { Routes } from '@angular/router';

export const OVERZICHT_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./overzicht-page').then((m) => m.OverzichtPage) },
  { path: ':code', loadComponent: () => import('./overzicht-page').then((m) => m.OverzichtPage) },
];
