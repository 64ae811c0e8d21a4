import { Routes } from '@angular/router';
import type { Capability } from 'contracts';
import { SECTION_CAPABILITY } from './core/auth/access';
import { authGuard, loggedOutGuard, roleGuard } from './core/auth/auth.guards';

const section = (capability: Capability | null) => ({ canMatch: [roleGuard], data: { capability } });

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [loggedOutGuard],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
    title: 'Wijksignaal',
  },
  {
    // The brief is a print page: outside the shell, so no navigation on screen or paper.
    path: 'beleidstafel/:id/brief',
    canActivate: [authGuard],
    ...section(SECTION_CAPABILITY.beleidstafel),
    loadComponent: () => import('./beleidstafel/brief-page').then((m) => m.BriefPage),
    title: 'Wijksignaal – brief',
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'overzicht' },
      {
        path: 'overzicht',
        ...section(SECTION_CAPABILITY.overzicht),
        loadChildren: () => import('./overzicht/overzicht.routes').then((m) => m.OVERZICHT_ROUTES),
      },
      {
        path: 'wijken',
        ...section(SECTION_CAPABILITY.wijken),
        loadChildren: () => import('./wijken/wijken.routes').then((m) => m.WIJKEN_ROUTES),
      },
      {
        path: 'wijk/:code',
        ...section(SECTION_CAPABILITY.wijken),
        loadComponent: () => import('./wijk/wijk-page').then((m) => m.WijkPage),
      },
      {
        path: 'verkenner',
        ...section(SECTION_CAPABILITY.verkenner),
        loadComponent: () => import('./verkenner/verkenner-page').then((m) => m.VerkennerPage),
      },
      {
        path: 'signalen',
        ...section(SECTION_CAPABILITY.signalen),
        loadChildren: () => import('./signalen/signalen.routes').then((m) => m.SIGNALEN_ROUTES),
      },
      {
        path: 'beleidstafel',
        ...section(SECTION_CAPABILITY.beleidstafel),
        loadChildren: () => import('./beleidstafel/beleidstafel.routes').then((m) => m.BELEIDSTAFEL_ROUTES),
      },
      {
        path: 'meldingen',
        ...section(SECTION_CAPABILITY.meldingen),
        loadComponent: () => import('./meldingen/meldingen-page').then((m) => m.MeldingenPage),
      },
      {
        path: 'raad',
        ...section(SECTION_CAPABILITY.raad),
        loadChildren: () => import('./raad/raad.routes').then((m) => m.RAAD_ROUTES),
      },
      {
        path: 'data',
        ...section(SECTION_CAPABILITY.data),
        loadComponent: () => import('./data/data-page').then((m) => m.DataPage),
      },
      {
        path: 'beheer',
        ...section(SECTION_CAPABILITY.beheer),
        loadComponent: () => import('./beheer/beheer-page').then((m) => m.BeheerPage),
      },
      {
        path: 'geen-toegang',
        loadComponent: () => import('./not-found/forbidden-page').then((m) => m.ForbiddenPage),
      },
      { path: '**', loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage) },
    ],
  },
];
