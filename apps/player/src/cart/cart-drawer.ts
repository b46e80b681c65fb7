// The cart drawer inside the player: the variant picker, lines with −/+, subtotal, checkout (inline form or
// redirect), confirmation.
import type { CartLine, Product } from '@cuecart/shared';
import { safeUrl } from '../config/urls.js';
import { h, setText } from '../element/dom.js';
import { formatMoney } from '../overlay/format.js';
import type { CartController, CartSnapshot } from './cart-controller.js';
import { choices, initialSelection, needsChoice, variantFor, type Selection } from './variant-choice.js';

export interface CartDrawer {
  readonly el: HTMLElement;
  render(snapshot: CartSnapshot): void;
  open(): void;
  close(): void;
  /** Opens the variant picker for a product with more than one variant; `onAdd` gets the chosen variant. */
  choose(product: Product, onAdd: (variantId: string) => void): void;
  /** Opens a product's detail (image, title, description, price) with Add to cart (the replay's card click). */
  detail(product: Product, onAdd: () => void): void;
  /**
   * "Notify me when it's back" for a sold-out product: an email and the shopper's consent; `send` answers an
   * error message to show, or null once the alert is kept.
   */
  notify(product: Pick<Product, 'id' | 'title'>, send: (email: string) => Promise<string | null>): void;
  /** The show's products, each one openable: what a shopper browses without leaving the video. */
  shelf(products: readonly Product[], onOpen: (product: Product) => void): void;
  /** One product with all it takes to buy it: details, options, quantity, Add to cart; `onBack` returns to the shelf. */
  product(product: Product, onAdd: (choice: { variantId?: string; quantity: number }) => void, onBack?: () => void, onNotify?: () => void): void;
  readonly isOpen: boolean;
}

/**
 * `fallbackFocus`: where the focus goes on close when what opened the drawer is gone (a card that left the air).
 */
export function createCartDrawer(controller: () => CartController | null, relay: string, onToggle: (open: boolean) => void, fallbackFocus: () => HTMLElement | null = () => null): CartDrawer {
  const closeButton = h('button', { class: 'close', type: 'button', 'aria-label': 'Close cart', 'data-testid': 'cart-close' }, '×');
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'cart-error', hidden: true });
  const lines = h('ul', { class: 'lines' });
  const empty = h('p', { class: 'empty' }, 'Your cart is empty.');
  const subtotal = h('span', { 'data-testid': 'subtotal' });
  const checkout = h('button', { class: 'primary', type: 'button', 'data-testid': 'checkout' }, 'Checkout');
  const name = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '120', 'data-testid': 'order-name' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '254', 'data-testid': 'order-email' });
  const place = h('button', { class: 'primary', type: 'submit', 'data-testid': 'place-order' }, 'Place order');
  // What the order will cost, right above the button that places it.
  const formTotal = h('span', { 'data-testid': 'order-total' });
  const form = h(
    'form',
    { class: 'order-form', hidden: true, novalidate: true },
    h('label', {}, 'Name', name),
    h('label', {}, 'Email', email),
    h('div', { class: 'sum' }, h('span', {}, 'Total'), formTotal),
    place,
  );
  const confirmation = h('div', { class: 'confirmation', role: 'status', 'data-testid': 'order-confirmation', hidden: true });
  const keepWatching = h('button', { class: 'secondary', type: 'button', hidden: true, 'data-testid': 'continue-watching' }, 'Continue watching');
  const redirect = h('a', { class: 'primary', target: '_blank', rel: 'noopener noreferrer', hidden: true, 'data-testid': 'checkout-link' }, 'Continue to checkout');
  const picker = h('section', { class: 'picker', 'data-testid': 'variant-picker', 'aria-label': 'Choose an option', hidden: true });
  const footer = h('footer', {}, h('div', { class: 'sum' }, h('span', {}, 'Subtotal'), subtotal), checkout);
  const el = h(
    'aside',
    { class: 'drawer', 'data-testid': 'cart-drawer', role: 'dialog', 'aria-label': 'Your cart', 'aria-hidden': 'true', inert: true },
    h('header', {}, h('h2', {}, 'Your cart'), closeButton),
    h('div', { class: 'content' }, error, picker, confirmation, keepWatching, lines, empty, form, redirect),
    footer,
  );
  const rows = new Map<string, ReturnType<typeof createLineRow>>();
  let isOpen = false;
  /** What had the focus when the drawer opened: it gets it back on close. */
  let opener: HTMLElement | null = null;
  const focused = (): HTMLElement | null => ((el.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null) ?? null;

  closeButton.addEventListener('click', () => drawer.close());
  keepWatching.addEventListener('click', () => {
    drawer.close();
    controller()?.backToCart();
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') drawer.close();
  });
  checkout.addEventListener('click', () => void controller()?.startCheckout());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const problem = checkoutProblem(name.value, email.value, email.validity.valid);
    if (problem) {
      setText(error, problem);
      (problem.startsWith('Please enter your name') ? name : email).focus();
      return;
    }
    void controller()?.placeOrder(name.value, email.value);
  });

  function createLineRow(line: CartLine) {
    const img = h('img', { alt: '', loading: 'lazy' });
    const title = h('div', { class: 'title' });
    const unit = h('div', { class: 'unit' });
    const qty = h('output', { 'aria-live': 'polite' });
    const minus = h('button', { type: 'button', 'data-testid': 'qty-minus' }, '−');
    const plus = h('button', { type: 'button', 'data-testid': 'qty-plus' }, '+');
    const li = h('li', { class: 'line', 'data-product-id': line.productId, 'data-line-id': line.lineId }, img, h('div', {}, title, unit), h('div', { class: 'qty' }, minus, qty, plus));
    let current = line;
    minus.addEventListener('click', () => void controller()?.setQuantity(current.lineId, current.quantity - 1));
    plus.addEventListener('click', () => void controller()?.setQuantity(current.lineId, current.quantity + 1));
    const update = (next: CartLine, busy: boolean) => {
      current = next;
      const src = safeUrl(next.imageUrl, relay);
      if (src && img.getAttribute('src') !== src) img.src = src;
      img.hidden = !src;
      title.textContent = next.title;
      unit.textContent = `${unitPriceText(next)}${next.available ? '' : ' · Sold out'}`;
      qty.textContent = String(next.quantity);
      minus.setAttribute('aria-label', `One less ${next.title}`);
      plus.setAttribute('aria-label', `One more ${next.title}`);
      plus.disabled = busy || next.quantity >= 99 || !next.available;
      minus.disabled = busy;
    };
    update(line, false);
    return { li, update };
  }

  /** The picker for one product: a row of value buttons per option, the chosen variant's price, Add and Cancel. */
  function renderPicker(product: Product, selection: Selection, onAdd: (variantId: string) => void) {
    const variant = variantFor(product, selection);
    const buyable = variant !== undefined && variant.available !== false && product.available;
    const add = h('button', { class: 'primary', type: 'button', 'data-testid': 'variant-add', disabled: !buyable }, buyable ? 'Add to cart' : variant ? 'Sold out' : 'Choose an option');
    const cancel = h('button', { class: 'secondary', type: 'button', 'data-testid': 'variant-cancel' }, 'Cancel');
    const groups = optionGroups(product, selection, (next) => renderPicker(product, next, onAdd));
    add.addEventListener('click', () => {
      if (!variant || !buyable) return;
      picker.hidden = true;
      onAdd(variant.id);
    });
    cancel.addEventListener('click', () => (picker.hidden = true));
    const price = variant?.price ?? product.price;
    picker.replaceChildren(
      h('h3', {}, product.title),
      ...groups,
      h('p', { class: 'unit', 'data-testid': 'variant-price' }, `${formatMoney(price)}${variant && !buyable ? ' · Sold out' : ''}`),
      h('div', { class: 'actions' }, add, cancel),
    );
    picker.hidden = false;
  }

  /** A product's detail in the picker's place: what a replay viewer sees after tapping a card. */
  function renderDetail(product: Product, onAdd: () => void) {
    const add = h('button', { class: 'primary', type: 'button', 'data-testid': 'detail-add', disabled: !product.available }, product.available ? 'Add to cart' : 'Sold out');
    const cancel = h('button', { class: 'secondary', type: 'button', 'data-testid': 'detail-close' }, 'Close');
    add.addEventListener('click', () => {
      if (!product.available) return;
      picker.hidden = true;
      onAdd();
    });
    cancel.addEventListener('click', () => (picker.hidden = true));
    const src = safeUrl(product.imageUrl, relay);
    picker.replaceChildren(
      ...(src ? [h('img', { class: 'detail-image', src, alt: '' })] : []),
      h('h3', { 'data-testid': 'detail-title' }, product.title),
      ...(product.description ? [h('p', { class: 'description' }, product.description)] : []),
      h('p', { class: 'unit', 'data-testid': 'detail-price' }, `${formatMoney(product.price)}${product.compareAtPrice ? ` · was ${formatMoney(product.compareAtPrice)}` : ''}`),
      h('div', { class: 'actions' }, add, cancel),
    );
    picker.setAttribute('aria-label', product.title);
    picker.dataset.testid = 'product-detail';
    picker.hidden = false;
  }

  /** Re-renders the picker and puts the focus back on the same control (a − or +, an option value) if it had it. */
  function keepFocus(render: () => void) {
    const before = focused();
    const testid = before?.dataset.testid;
    const value = before?.dataset.value;
    const option = before?.closest('fieldset')?.getAttribute('data-option');
    render();
    const selector = value !== undefined && option ? `fieldset[data-option="${CSS.escape(option)}"] [data-value="${CSS.escape(value)}"]` : testid ? `[data-testid="${CSS.escape(testid)}"]` : null;
    if (before && picker.contains(before) === false && selector) (picker.querySelector(selector) as HTMLElement | null)?.focus({ preventScroll: true });
  }

  function renderNotify(product: Pick<Product, 'id' | 'title'>, send: (email: string) => Promise<string | null>) {
    const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: '254', 'data-testid': 'notify-email' });
    const consent = h('input', { type: 'checkbox', name: 'consent', 'data-testid': 'notify-consent' });
    const problem = h('p', { class: 'error', role: 'alert', 'data-testid': 'notify-error', hidden: true });
    const submit = h('button', { class: 'primary', type: 'submit', 'data-testid': 'notify-submit' }, 'Notify me');
    const cancel = h('button', { class: 'secondary', type: 'button', 'data-testid': 'notify-cancel' }, 'Not now');
    cancel.addEventListener('click', () => (picker.hidden = true));
    consent.addEventListener('change', () => setText(problem, null));
    const notifyForm = h(
      'form',
      { class: 'order-form notify-form', novalidate: true },
      h('label', {}, 'Email', email),
      h('label', { class: 'consent' }, consent, `Keep my email with this show to tell me once when ${product.title} is back, and for nothing else.`),
      problem,
      h('div', { class: 'actions' }, submit, cancel),
    );
    notifyForm.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!email.value.trim() || !email.validity.valid) return setText(problem, 'Please enter a valid email, like name@example.com.');
      if (!consent.checked) return setText(problem, 'Tick the box so we may keep your email for this one message.');
      setText(problem, null);
      submit.disabled = true;
      submit.textContent = 'Saving…';
      void send(email.value.trim()).then((message) => {
        submit.disabled = false;
        submit.textContent = 'Notify me';
        if (message) return setText(problem, message.charAt(0).toUpperCase() + message.slice(1) + (/[.!?]$/.test(message) ? '' : '.'));
        const done = h('p', { class: 'confirmation', role: 'status', 'data-testid': 'notify-done' }, `Thanks! We'll email ${email.value.trim()} once ${product.title} is back.`);
        const back = h('button', { class: 'secondary', type: 'button', 'data-testid': 'notify-close' }, 'Keep watching');
        back.addEventListener('click', () => drawer.close());
        picker.replaceChildren(h('h3', {}, "You're on the list"), done, back);
        back.focus({ preventScroll: true });
      });
    });
    picker.replaceChildren(h('h3', {}, 'Tell me when it’s back'), h('p', { class: 'description' }, `${product.title} is sold out right now.`), notifyForm);
    picker.setAttribute('aria-label', `Notify me when ${product.title} is back`);
    picker.dataset.testid = 'notify-form';
    picker.hidden = false;
  }

  function renderShelf(products: readonly Product[], onOpen: (product: Product) => void) {
    const items = products.map((p) => {
      const src = safeUrl(p.imageUrl, relay);
      const b = h(
        'button',
        { type: 'button', class: 'shelf-item', 'data-testid': 'shelf-item', 'data-product-id': p.id },
        src ? h('img', { src, alt: '', loading: 'lazy' }) : h('span', { class: 'thumb-blank' }),
        h('span', { class: 'shelf-title' }, p.title),
        h('span', { class: 'unit' }, `${formatMoney(p.price)}${p.available ? '' : ' · Sold out'}`),
      );
      b.addEventListener('click', () => onOpen(p));
      return h('li', {}, b);
    });
    picker.replaceChildren(h('h3', {}, 'In this show'), products.length ? h('ul', { class: 'shelf' }, ...items) : h('p', { class: 'empty' }, 'No products yet.'));
    picker.setAttribute('aria-label', 'In this show');
    picker.dataset.testid = 'shelf';
    picker.hidden = false;
  }

  function renderProduct(product: Product, selection: Selection, quantity: number, onAdd: (choice: { variantId?: string; quantity: number }) => void, onBack?: () => void, onNotify?: () => void) {
    const choosing = needsChoice(product);
    const variant = choosing ? variantFor(product, selection) : product.variants?.[0];
    const buyable = product.available && (!choosing || (variant !== undefined && variant.available !== false));
    const again = (next: Selection, n: number) => keepFocus(() => renderProduct(product, next, n, onAdd, onBack, onNotify));
    const unit = variant?.price ?? product.price;
    const was = product.compareAtPrice && !variant?.price ? product.compareAtPrice : undefined;
    const minus = h('button', { type: 'button', 'data-testid': 'sheet-qty-minus', 'aria-label': `One less ${product.title}`, disabled: quantity <= 1 }, '−');
    const plus = h('button', { type: 'button', 'data-testid': 'sheet-qty-plus', 'aria-label': `One more ${product.title}`, disabled: quantity >= 99 }, '+');
    minus.addEventListener('click', () => again(selection, quantity - 1));
    plus.addEventListener('click', () => again(selection, quantity + 1));
    const add = h('button', { class: 'primary', type: 'button', 'data-testid': 'sheet-add', disabled: !buyable }, !product.available || (variant && variant.available === false) ? 'Sold out' : buyable ? `Add ${quantity > 1 ? `${quantity} ` : ''}to cart` : 'Choose an option');
    add.addEventListener('click', () => {
      if (!buyable) return;
      picker.hidden = true;
      onAdd({ ...(choosing && variant ? { variantId: variant.id } : {}), quantity });
    });
    const notify = !product.available && onNotify ? h('button', { class: 'secondary', type: 'button', 'data-testid': 'sheet-notify' }, 'Notify me when it’s back') : null;
    notify?.addEventListener('click', () => onNotify?.());
    const back = h('button', { class: 'secondary', type: 'button', 'data-testid': 'sheet-back' }, onBack ? '‹ All products' : 'Close');
    back.addEventListener('click', () => (onBack ? onBack() : (picker.hidden = true)));
    const src = safeUrl(product.imageUrl, relay);
    picker.replaceChildren(
      ...(src ? [h('img', { class: 'detail-image', src, alt: '' })] : []),
      h('h3', { 'data-testid': 'sheet-title' }, product.title),
      ...(product.description ? [h('p', { class: 'description' }, product.description)] : []),
      h('p', { class: 'unit', 'data-testid': 'sheet-price' }, formatMoney(unit), ...(was ? [h('s', { class: 'was' }, h('span', { class: 'sr-only' }, ' was '), formatMoney(was))] : [])),
      ...(choosing ? optionGroups(product, selection, (next) => again(next, quantity)) : []),
      h('div', { class: 'qty sheet-qty', role: 'group', 'aria-label': 'Quantity' }, minus, h('output', { 'data-testid': 'sheet-qty', 'aria-live': 'polite' }, String(quantity)), plus),
      h('div', { class: 'actions' }, add, back),
      ...(notify ? [notify] : []),
    );
    picker.setAttribute('aria-label', product.title);
    picker.dataset.testid = 'product-sheet';
    picker.hidden = false;
  }

  const drawer: CartDrawer = {
    el,
    shelf(products, onOpen) {
      renderShelf(products, onOpen);
      drawer.open();
    },
    product(product, onAdd, onBack, onNotify) {
      renderProduct(product, initialSelection(product), 1, onAdd, onBack, onNotify);
      drawer.open();
    },
    notify(product, send) {
      renderNotify(product, send);
      drawer.open();
    },
    detail(product, onAdd) {
      renderDetail(product, onAdd);
      drawer.open();
    },
    choose(product, onAdd) {
      picker.setAttribute('aria-label', 'Choose an option');
      picker.dataset.testid = 'variant-picker';
      renderPicker(product, initialSelection(product), onAdd);
      drawer.open();
    },
    render({ cart, busy, error: message, checkout: step }) {
      setText(error, message);
      const cartLines = cart?.lines ?? [];
      const seen = new Set<string>();
      cartLines.forEach((line, index) => {
        seen.add(line.lineId);
        let row = rows.get(line.lineId);
        if (!row) {
          row = createLineRow(line);
          rows.set(line.lineId, row);
        }
        row.update(line, busy);
        if (lines.children[index] !== row.li) lines.insertBefore(row.li, lines.children[index] ?? null);
      });
      for (const [id, row] of rows) {
        if (!seen.has(id)) {
          row.li.remove();
          rows.delete(id);
        }
      }

      const done = step.step === 'done';
      empty.hidden = cartLines.length > 0 || done;
      lines.hidden = done;
      subtotal.textContent = cart ? formatMoney(cart.subtotal) : '';
      const inForm = step.step === 'form' || step.step === 'placing';
      footer.hidden = done || cartLines.length === 0 || inForm;
      formTotal.textContent = cart ? formatMoney(cart.subtotal) : '';
      checkout.hidden = step.step === 'form' || step.step === 'placing';
      checkout.disabled = busy || cartLines.length === 0;
      form.hidden = !(step.step === 'form' || step.step === 'placing');
      place.disabled = busy || step.step === 'placing';
      place.textContent = step.step === 'placing' ? 'Placing order…' : 'Place order';
      setText(confirmation, done ? `Thank you, ${step.order.name}! Your order ${orderReference(step.order.id)} is placed: ${formatMoney(step.order.total)}. A confirmation is on its way by email.` : null);
      keepWatching.hidden = !done;
      redirect.hidden = step.step !== 'redirect';
      if (step.step === 'redirect') {
        redirect.href = step.url;
        redirect.textContent = step.opened ? 'Checkout opened in a new tab. Open it again' : 'Continue to checkout';
      }
    },
    open() {
      if (isOpen) return;
      isOpen = true;
      const before = focused();
      opener = before && !el.contains(before) ? before : null;
      el.classList.add('open');
      el.removeAttribute('inert');
      el.setAttribute('aria-hidden', 'false');
      closeButton.focus({ preventScroll: true });
      onToggle(true);
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      // Only a focus that was inside the drawer moves back; a viewer who clicked elsewhere keeps theirs.
      const inside = el.contains(focused());
      el.classList.remove('open');
      el.setAttribute('inert', '');
      el.setAttribute('aria-hidden', 'true');
      onToggle(false);
      if (inside) {
        const target = opener?.isConnected && !opener.closest('[hidden]') ? opener : fallbackFocus();
        target?.focus({ preventScroll: true });
      }
      opener = null;
    },
    get isOpen() {
      return isOpen;
    },
  };
  return drawer;
}

/** What is wrong with the checkout form, in words that say what to fix; null when it can be sent. */
export function checkoutProblem(name: string, email: string, emailValid: boolean): string | null {
  if (!name.trim()) return 'Please enter your name.';
  const e = email.trim();
  if (!e) return 'Please enter your email: the confirmation goes there.';
  if (!emailValid || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) {
    if (!e.includes('@')) return `“${e}” is missing the @: an email looks like name@example.com.`;
    if (!/@[^\s@]+\.[^\s@]+$/.test(e)) return `“${e}” is missing its domain after the @ (like example.com).`;
    return `“${e}” is not an email address we can write to: check it for typos.`;
  }
  return null;
}

/** A short order reference a shopper can read out ("#7F3K2Q"), from the end of the order's id. */
export function orderReference(orderId: string): string {
  const tail = orderId.replace(/[^A-Za-z0-9]/g, '').slice(-6).toUpperCase();
  return `#${tail || orderId}`;
}

/** A row of value buttons per option (size, colour); a pick calls `onPick` with the new selection. */
function optionGroups(product: Product, selection: Selection, onPick: (next: Selection) => void): HTMLElement[] {
  return choices(product, selection).map((option) =>
    h(
      'fieldset',
      { class: 'option', 'data-option': option.name },
      h('legend', {}, option.name),
      ...option.values.map((choice) => {
        const b = h('button', { type: 'button', class: 'value', 'data-value': choice.value, 'aria-pressed': String(choice.selected), ...(choice.available ? {} : { 'data-sold-out': 'true' }) }, choice.value);
        if (!choice.available) b.setAttribute('aria-label', `${choice.value} (sold out with this choice)`);
        b.addEventListener('click', () => onPick({ ...selection, [option.name]: choice.value }));
        return b;
      }),
    ),
  );
}

/** The unit price and which price it is: a live-offer line shows the list price it replaces. */
export function unitPriceText(line: CartLine): string {
  if (line.priceSource !== 'offer') return formatMoney(line.price);
  return line.listPrice ? `${formatMoney(line.price)} live offer (list ${formatMoney(line.listPrice)})` : `${formatMoney(line.price)} live offer`;
}
