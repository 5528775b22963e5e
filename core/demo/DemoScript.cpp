#include "DemoScript.h"

#include <initializer_list>

namespace workbench::demo {
namespace {

QStringList lines(std::initializer_list<const char *> texts)
{
    QStringList result;
    result.reserve(qsizetype(texts.size()));
    for (const char *text : texts)
        result.append(QString::fromUtf8(text));
    return result;
}

// Team indexes into teamScripts().
enum Team { Tier1, Logistics, ReturnsWarranty, Billing, AccountSecurity, CustomerCare, ProductSpecialists };

} // namespace

const std::vector<TeamScript> &teamScripts()
{
    static const std::vector<TeamScript> teams = {
        {QStringLiteral("Tier 1 Support"), lines({"Maya Chen", "Jonas Weber", "Priya Nair"})},
        {QStringLiteral("Logistics Desk"), lines({"Carlos Mendes", "Aisha Bello", "Tom Becker", "Lena Fischer"})},
        {QStringLiteral("Returns & Warranty"), lines({"Sofia Rossi", "Daniel Kim", "Fatima Zahra", "Ethan Brooks"})},
        {QStringLiteral("Billing"), lines({"Olivia Martin", "Kenji Sato", "Grace Okafor"})},
        {QStringLiteral("Account Security"), lines({"Noah Williams", "Elif Yılmaz", "Marco Silva"})},
        {QStringLiteral("Customer Care"), lines({"Hannah Schmidt", "Samuel Adeyemi", "Chloé Dubois", "Rafael Ortiz"})},
        {QStringLiteral("Product Specialists"), lines({"Ingrid Larsen", "Arjun Mehta", "Zoë Taylor"})},
    };
    return teams;
}

const std::vector<ChannelScript> &channelScripts()
{
    static const std::vector<ChannelScript> channels = {
        {QStringLiteral("chat"), 0.50, 1.00, 0.42, QStringLiteral("Chat started on the help centre")},
        {QStringLiteral("email"), 0.18, 0.85, 0.28, QStringLiteral("Email received and routed to the AI assistant")},
        {QStringLiteral("whatsapp"), 0.15, 1.05, 0.40, QStringLiteral("WhatsApp conversation started")},
        {QStringLiteral("social"), 0.09, 1.15, 0.30, QStringLiteral("Direct message received on Instagram")},
        {QStringLiteral("voice"), 0.08, 1.30, 0.35,
         QStringLiteral("Call answered by the voice assistant (transcribed)")},
    };
    return channels;
}

const CommonScript &commonScript()
{
    static const CommonScript common = {
        lines({"Can I talk to a real person please?", "I'd like to speak to a human.",
               "Is there a human agent I can chat with?", "Please connect me with a representative.", "Agent please.",
               "I want to talk to someone real, not a bot.", "Can you put me through to your manager?"}),
        lines({"I'll ask again: ", "Again, ", "As I said before, ", "I already asked this — "}),
        lines({"I can help you with this right here, {first}.", "I'm able to take care of this for you now.",
               "Our team is busy at the moment, but I can help with most questions."}),
        lines({"I'll connect you with our {team} team — a colleague will pick this up in a moment.",
               "Let me pass this to a specialist on the {team} team. Please stay in the chat.",
               "This needs a colleague from {team}. I'm transferring you now, with a summary so you won't "
               "have to repeat yourself."}),
        lines({"Hi {first}, this is {agentFirst} from {team}. I've read the conversation so far.",
               "Hello {first}! {agentFirst} here — thanks for waiting.",
               "Hi {first}, {agentFirst} from {team} taking over. Give me a second to check."}),
        lines({"Great, thank you!", "Perfect, that's all I needed.", "Thanks, that helps a lot 🙏",
               "Awesome, appreciate it.", "Brilliant, thanks for sorting it so quickly."}),
        lines({"Okay. That took longer than it should have.", "Fine, but I'm not happy about this.",
               "Not what I hoped, but thanks.", "I'll wait and see. Thanks."}),
        lines({"You're welcome! Anything else I can help with today?", "Glad we sorted it. Have a great day!",
               "Happy to help, {first}. Take care!"}),
        lines({"Happy to help! Is there anything else I can do for you?", "You're all set. Have a lovely day!",
               "Glad I could help, {first}. Anything else?"}),
        lines({"That doesn't answer my question.", "You keep sending me the same link.",
               "This is useless. I'll call instead.", "That's not what I asked.",
               "I've read that article already, it doesn't cover my case."}),
        lines({"I understand your concern. You can find more information in our Help Center: "
               "help.example.com/{slug}.",
               "I'm sorry to hear that. Is there anything else I can help you with?",
               "I understand. Our policy is explained at help.example.com/{slug}."}),
        lines({"Customer left the conversation", "Conversation closed after 10 minutes of inactivity",
               "Customer closed the chat window"}),
        lines({"Hi, I'm back about this. ", "Second time contacting you about this: ", "Following up from yesterday — ",
               "Still not sorted. "}),
        lines({"Aurora wireless headphones", "Trail 2 running shoes", "linen duvet cover (king)",
               "Nimbus 14\" laptop sleeve", "copper pour-over kettle", "Atlas smart watch", "merino crew sweater",
               "Lumen desk lamp", "Breeze standing fan", "kids' rain jacket", "ceramic chef's knife",
               "Orbit robot vacuum", "Alpine 40 L backpack", "velvet accent chair", "Pulse fitness tracker",
               "bamboo bath towel set", "Echo portable speaker", "Glide electric toothbrush"}),
        lines({"UPS", "DHL", "FedEx", "USPS", "DPD"}),
        lines({"Emma",    "Liam", "Olivia",   "Noah",  "Ava",       "Mateo",    "Sophia", "Lucas",
               "Mia",     "Amir", "Isabella", "Yuki",  "Charlotte", "Ravi",     "Amelia", "Omar",
               "Harper",  "Léa",  "Elena",    "Jamal", "Nora",      "Björn",    "Zara",   "Diego",
               "Aaliyah", "Wei",  "Freya",    "Kwame", "Ingrid",    "Sebastián"}),
        lines({"Johnson", "García", "Müller", "Nguyen", "Smith", "Haddad", "Kowalski", "Okafor", "Rossi", "Tanaka",
               "Brown", "Novak", "Ahmed", "Lindqvist", "O'Brien", "Moreau", "Patel", "Schneider"}),
        lines({"shipping-times", "returns-policy", "warranty", "billing-faq", "account-help", "contact-us"}),
    };
    return common;
}

const std::vector<CategoryScript> &categoryScripts()
{
    static const std::vector<CategoryScript> scripts = {
        {QStringLiteral("Order status"), 0.22, 0.07, 0.45, 0.02, 0.88, 0.82, Logistics,
         lines({"Hi, where is my order {order}? It was supposed to arrive {day}.",
                "Can you tell me the status of order {order}?", "My {product} still hasn't shipped. Order {order}.",
                "Hello! I ordered the {product} {days} days ago and the tracking hasn't updated since. Order {order}",
                "Has order {order} been dispatched yet? I need it before the weekend 🙏",
                "Tracking for {order} says 'label created' for {days} days now. What's going on?"}),
         lines({"Thanks, {first}! Let me look up order {order} for you.",
                "Sure — one moment while I check order {order}.",
                "I can help with that. I'm pulling up the details for {order} now."}),
         lines({"It's the {product}, shipped to my home address.", "I paid for express shipping, if that matters.",
                "The confirmation email said {day}."}),
         lines({"Order {order} left our warehouse and is with {carrier}, tracking number {tracking}. The latest scan "
                "shows it at the local depot, and delivery is expected on {day}.",
                "Good news: your {product} shipped yesterday with {carrier} ({tracking}). The estimated delivery is "
                "{day} by 8 pm.",
                "The order was split into two parcels. The first is with {carrier} ({tracking}) arriving {day}; the "
                "second ships tomorrow and I'll email you its tracking link."}),
         lines({"Orders usually arrive within 3–7 business days. You can track your order in your account under "
                "'My orders'.",
                "I'm sorry for the wait. Delivery times can vary during busy periods."}),
         lines({"I checked with {carrier}: parcel {tracking} is at the local depot and out for delivery on {day}. "
                "I've added a note to make sure it goes out.",
                "The tracking shows it's arriving {day}. I've also refunded the express shipping fee of {amount} "
                "since it's late.",
                "The order was held for an address check. I've released it — it ships today with {carrier} and "
                "you'll get tracking by email."}),
         lines({"Tracking not updated for more than 5 days", "Possible lost parcel",
                "Low confidence: order lookup returned several matches"})},

        {QStringLiteral("Returns"), 0.15, 0.24, 0.30, 0.06, 0.78, 0.80, ReturnsWarranty,
         lines({"I'd like to return the {product} from order {order}. It doesn't fit.",
                "How do I send back the {product}? It arrived in the wrong colour.",
                "I returned order {order} {days} days ago and haven't got my refund of {amount} yet.",
                "Can I return an item I bought on sale? It's the {product}.",
                "The return label you emailed me doesn't work. Order {order}."}),
         lines({"I'm sorry it didn't work out, {first}. Let me check the return options for order {order}.",
                "Of course. One moment while I look at the order and our return policy.",
                "Thanks for the details — checking the return status now."}),
         lines({"It's unused and still in the box.", "I bought it {days} days ago.",
                "I'd prefer a refund to a store credit."}),
         lines({"Your {product} is within the 30-day return window. I've emailed you a prepaid {carrier} label; "
                "once the parcel is scanned, the refund of {amount} goes back to your card within 5 business days.",
                "Sale items can be returned within 14 days. I've created return {order}-R and the label is in your "
                "inbox.",
                "Your return arrived at our warehouse on {day} and the refund of {amount} was issued today. It can "
                "take 3–5 days to show on your statement."}),
         lines({"You can start a return from your account. Most items can be returned within 30 days.",
                "Refunds are processed once the return is received. Please allow some time."}),
         lines({"I've issued the refund of {amount} manually — you'll see it within 3 days. Sorry for the hassle.",
                "I've made an exception and approved the return even though it's past the window. Label is in your "
                "inbox.",
                "The label failed because of the address format. I've generated a new one with {carrier}."}),
         lines({"Refund not received after return", "Return outside the policy window",
                "Customer asked for an exception"})},

        {QStringLiteral("Product questions"), 0.14, 0.14, 0.38, 0.03, 0.84, 0.84, ProductSpecialists,
         lines({"Does the {product} come with a warranty?", "Is the {product} compatible with iPhone and Android?",
                "What are the dimensions of the {product}?", "Is the {product} back in stock any time soon?",
                "Can the {product} be washed in the machine?",
                "What's the difference between the {product} and "
                "the newer model?"}),
         lines({"Great question! Let me check the product details for the {product}.",
                "Sure, {first} — looking that up in our catalog.", "One moment, I'm checking the specifications."}),
         lines({"I want to buy it as a gift.", "I'm comparing it with a competitor's model.", "I need it by {day}."}),
         lines({"The {product} comes with a 2-year warranty and works with both iOS and Android via Bluetooth 5.3.",
                "It measures 42 × 28 × 12 cm and weighs 1.2 kg. Full specifications are on the product page.",
                "It's back in stock on {day}. I can notify you by email the moment it's available.",
                "Yes — machine wash at 30 °C, no tumble dryer. The care label has the details."}),
         lines({"Please check the product page for full details.",
                "Product information may vary. Is there anything else I can help with?"}),
         lines({"I checked with the product team: yes, it's compatible, and the newer model only adds a travel "
                "case.",
                "It's covered for 2 years; I've also sent you the care guide as a PDF.",
                "The next shipment arrives {day}; I've reserved one for you."}),
         lines({"Question not covered by the catalog", "Customer comparing with a competitor product"})},

        {QStringLiteral("Shipping issues"), 0.12, 0.30, 0.22, 0.05, 0.68, 0.74, Logistics,
         lines({"My parcel says delivered but I never got it. Order {order}.",
                "The box for order {order} arrived damaged and the {product} is broken.",
                "{carrier} left my parcel at the wrong address.",
                "Can I change the delivery address for order {order}? I'm moving on {day}.",
                "Why am I being charged customs fees for order {order}?"}),
         lines({"I'm sorry to hear that, {first}. Let me look into order {order}.",
                "That's frustrating — let me check what {carrier} reports.",
                "Thanks for letting us know. Checking the shipment now."}),
         lines({"I checked with my neighbours, nothing.", "I have photos of the damaged box.",
                "The driver didn't ring the bell."}),
         lines({"The carrier's proof of delivery shows it was left at the back door on {day}. If it's not there, "
                "I've opened a trace with {carrier} and we'll reship if it isn't found in 48 hours.",
                "I've updated the delivery address for order {order}; {carrier} confirms the change.",
                "I'm sorry it arrived damaged. I've arranged a replacement {product} that ships today, no need to "
                "return the broken one."}),
         lines({"Sometimes parcels are marked delivered before they arrive. Please wait 24 hours.",
                "Please contact the carrier directly about delivery problems."}),
         lines({"I've opened a claim with {carrier} and sent a replacement right away; you don't need to wait for "
                "the claim.",
                "I've refunded the customs fee of {amount}; that shouldn't have been charged.",
                "I reached the depot: the parcel is there and will be redelivered on {day}."}),
         lines({"Parcel marked delivered but not received", "Damaged item — replacement needs approval",
                "Carrier claim required"})},

        {QStringLiteral("Complaints"), 0.07, 0.52, 0.08, 0.20, 0.42, 0.72, CustomerCare,
         lines({"This is the third time my order has been wrong. I'm really disappointed.",
                "Your delivery driver was extremely rude to me today.",
                "I've been waiting two weeks for a reply to my email. Unacceptable.",
                "The quality of the {product} is terrible for the price. I want to complain.",
                "I was promised a callback on {day} and nobody called. 😡"}),
         lines({"I'm very sorry, {first}. That's not the experience we want you to have.",
                "I'm sorry to hear this. Let me see what happened.",
                "Thank you for telling us — I understand how frustrating that is."}),
         lines({"I want this escalated.", "I've been a customer for {days} years.",
                "I'm considering cancelling my membership."}),
         lines({"I've logged your complaint with reference {order}-C and added a {amount} credit to your account as "
                "an apology. A team lead reviews every complaint within 2 days.",
                "I've recorded the feedback about the driver with {carrier} and flagged your address so it doesn't "
                "happen again."}),
         lines({"We value your feedback and will pass it on to the relevant team.",
                "I apologise for any inconvenience caused."}),
         lines({"I've personally reviewed your orders and refunded {amount}. I've also set up a callback from our "
                "team lead on {day}.",
                "You're right, this wasn't good enough. I've issued a full refund and a voucher for your next order.",
                "I've escalated the driver incident to {carrier} and added a {amount} credit to your account."}),
         lines({"Angry customer — complaint", "Customer threatens to cancel", "Repeated service failure"})},

        {QStringLiteral("Warranty claims"), 0.06, 0.45, 0.12, 0.15, 0.50, 0.77, ReturnsWarranty,
         lines({"My {product} stopped working after {days} months. Is it covered by the warranty?",
                "The {product} battery swells when charging. I think it's a defect.",
                "I need a replacement part for my {product}. The hinge broke.",
                "The screen of my {product} flickers since last week. Order {order}."}),
         lines({"I'm sorry about that, {first}. Let me check the warranty for your {product}.",
                "Let's get that sorted. Checking the purchase date for order {order}.",
                "Thanks — I'll need a few details to check the warranty."}),
         lines({"I bought it in {day}'s sale last year.", "I have the receipt and a video of the problem.",
                "I already tried resetting it."}),
         lines({"Your {product} is still under the 2-year warranty. I've registered claim {order}-W and emailed a "
                "prepaid label; a replacement ships as soon as it's scanned.",
                "A swelling battery is a safety issue: please stop using it. I've approved a replacement and sent "
                "disposal instructions."}),
         lines({"Warranty claims can be submitted through our online form.",
                "Please refer to the warranty terms included with your product."}),
         lines({"I've approved the claim and a new {product} ships today with {carrier}. No need to send the old "
                "one back.",
                "The hinge is covered; I've ordered the part and booked a technician for {day}.",
                "I reviewed the video — it's a known defect. I've refunded {amount} and you can keep the item."}),
         lines({"Warranty eligibility unclear", "Safety issue reported", "Technician visit required"})},

        {QStringLiteral("Billing"), 0.10, 0.33, 0.15, 0.08, 0.72, 0.78, Billing,
         lines({"I was charged twice for order {order}.", "Why is there a {amount} charge on my card ending {last4}?",
                "I need an invoice with my company's VAT number for order {order}.",
                "My promo code wasn't applied and I paid {amount} too much.",
                "I cancelled my subscription but was still charged {amount} on {day}."}),
         lines({"Let me look into the charges on your account, {first}.",
                "Sorry about the confusion — checking your payment history now.",
                "I can help with billing. One moment please."}),
         lines({"The second charge is still pending.", "My bank shows two transactions.", "The code was WELCOME15."}),
         lines({"One of the two charges is a pre-authorisation that your bank releases within 3 days; you were only "
                "billed once for order {order}.",
                "I've regenerated the invoice with your VAT number and emailed it to you.",
                "The promo code has been applied retroactively and {amount} is on its way back to your card."}),
         lines({"Charges usually appear once the order has shipped.",
                "For billing questions, please check the billing section of your account."}),
         lines({"I've refunded the duplicate charge of {amount}; you'll see it in 3–5 business days.",
                "Your subscription was cancelled late because of a system error — I've refunded {amount}.",
                "I've corrected the invoice and applied the discount manually."}),
         lines({"Refund over the AI approval limit", "Duplicate charge investigation", "Subscription billing error"})},

        {QStringLiteral("Account access"), 0.12, 0.30, 0.18, 0.07, 0.74, 0.80, AccountSecurity,
         lines({"I can't log in to my account. The password reset email never arrives.",
                "My account is locked after too many attempts.", "I lost my phone and can't get the two-factor code.",
                "Someone changed the email on my account! I didn't do that.",
                "I want to change the email on my account to {email}."}),
         lines({"I can help you get back in, {first}. Let me check your account.",
                "Sorry about that! Let's get you back into your account.",
                "I understand. Let me verify a few details first."}),
         lines({"I signed up with {email}.", "My phone number on file is {phone}.", "I've tried three times already."}),
         lines({"I've resent the reset link to your address; it can take 5 minutes and sometimes lands in spam. "
                "The link is valid for one hour.",
                "Your account unlocks automatically after 30 minutes. I've unlocked it now, so you can log in "
                "straight away.",
                "I've updated your login email. You'll get a confirmation at both addresses."}),
         lines({"Please try resetting your password via the 'Forgot password' link.",
                "For security reasons, I can't make changes to your account here."}),
         lines({"I've verified your identity and reset two-factor authentication. Please set it up again on your new "
                "phone.",
                "I've secured your account, reverted the email change and signed out all sessions.",
                "The reset emails were blocked by your provider. I've whitelisted them and sent a fresh link."}),
         lines({"Identity verification required", "Possible account takeover", "Two-factor reset needs an agent"})},

        {QStringLiteral("uncategorized"), 0.02, 0.25, 0.25, 0.05, 0.72, 0.75, Tier1,
         lines({"Hi, I have a question.", "Hello? Anyone there?", "I need help with something on your website.",
                "Do you have a store in Lisbon?"}),
         lines({"Hi {first}! I'm Nova, the AI assistant. How can I help?", "Hello! What can I help you with today?"}),
         lines({"It's about my account and an order.", "The page keeps loading forever."}),
         lines({"Our stores are listed at example.com/stores — the nearest one is open until 8 pm.",
                "Try clearing your browser cache; if the page still hangs, our status page shows no outage right "
                "now."}),
         lines({"Could you tell me a bit more?", "I'm not sure I understand. Could you rephrase?"}),
         lines({"I've sorted it out — the issue was on our side.", "I've answered your question by email as well."}),
         lines({"Intent not recognised", "Customer asked for a human agent"})},
    };
    return scripts;
}

} // namespace workbench::demo
