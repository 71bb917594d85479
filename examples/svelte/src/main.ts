import { mount } from 'svelte';
import 'tierwise';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
