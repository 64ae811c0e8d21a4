import { Routes } from '@angular/router';

export const RAAD_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./raad-page').then((m) => m.RaadPage) },
  { path: ':code', loadComponent: () => import('./raad-page').then((m) => m.RaadPage) },
];
