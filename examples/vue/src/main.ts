import { createApp } from 'vue';
import 'tierwise';
import App from './App.vue';

createApp(App).mount('#app');
