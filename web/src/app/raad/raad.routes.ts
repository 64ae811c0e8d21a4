import { Routes } from '@angular/router';
export const RAAD_ROUTES: Routes = [];
