// Types <tierwise-calculator> in templates for vue-tsc.
import type {} from 'tierwise/vue';
