import { Routes } from '@angular/router';

export const SIGNALEN_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./signal-list-page').then((m) => m.SignalListPage) },
  { path: ':id', loadComponent: () => import('./signal-detail-page').then((m) => m.SignalDetailPage) },
];
