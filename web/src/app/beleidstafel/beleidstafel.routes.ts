import { Routes } from '@angular/router';

export const BELEIDSTAFEL_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./beleidstafel-page').then((m) => m.BeleidstafelPage) },
  { path: ':id', loadComponent: () => import('./meeting-page').then((m) => m.MeetingPage) },
];
