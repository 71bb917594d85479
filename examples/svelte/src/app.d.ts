// Types <tierwise-calculator> in templates for svelte-check.
import type {} from 'tierwise/svelte';
