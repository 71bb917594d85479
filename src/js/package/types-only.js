// tierwise/jsx, tierwise/vue and tierwise/svelte only declare types (see their .d.ts files).
export {};
