import { Routes } from '@angular/router';
export const SIGNALEN_ROUTES: Routes = [];
